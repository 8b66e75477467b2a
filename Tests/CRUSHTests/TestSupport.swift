import Foundation
import CollectiveTestSupport

/// The first differing line of two outputs, for a readable failure.
func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, e.count) {
        let left = i < a.count ? String(a[i]) : "<end>"
        let right = i < e.count ? String(e[i]) : "<end>"
        if left != right { return "line \(i + 1): got «\(left)», crushtool «\(right)»" }
    }
    return "identical"
}
