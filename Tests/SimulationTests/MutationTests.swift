import Simulation
import Testing
import CollectiveTestSupport

/// The reader never crashes and always answers with positioned diagnostics, whatever is done to
/// a valid file: bytes deleted, lines duplicated or swapped, punctuation sprinkled in.
@Suite struct MutationTests {
    static let sprinkles: [Character] = [":", "-", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "#", "%", "@", "`", " ", "0", "a", "\n", "\t", "<", ","]

    @Test(arguments: 0..<4)
    func mutatedDefaultScenariosGetDiagnosticsNotCrashes(_ round: Int) throws {
        let original = Array(try Repository.text("scenarios/borg-collective.yaml"))
        var random = SplitMix64(seed: UInt64(round) &* 7919)
        for _ in 0..<60 {
            var text = original
            for _ in 0..<(1 + random.below(4)) {
                switch random.below(4) {
                case 0:
                    let start = random.below(text.count)
                    let length = min(random.below(40), text.count - start)
                    text.removeSubrange(start..<(start + length))
                case 1:
                    text.insert(Self.sprinkles[random.below(Self.sprinkles.count)], at: random.below(text.count + 1))
                case 2:
                    var lines = String(text).split(separator: "\n", omittingEmptySubsequences: false)
                    let i = random.below(lines.count)
                    lines.insert(lines[i], at: random.below(lines.count + 1))
                    text = Array(lines.joined(separator: "\n"))
                default:
                    var lines = String(text).split(separator: "\n", omittingEmptySubsequences: false)
                    lines.swapAt(random.below(lines.count), random.below(lines.count))
                    text = Array(lines.joined(separator: "\n"))
                }
            }
            let yaml = String(text)
            let lineCount = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
            do {
                _ = try Scenario(yaml: yaml, file: "m.yaml")
            } catch {
                #expect(!error.errors.isEmpty)
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount + 1, "\(diagnostic)")
                    #expect(!diagnostic.message.isEmpty)
                }
            }
        }
    }
}
