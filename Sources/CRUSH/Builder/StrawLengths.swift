/// Straw lengths of a straw (v1) bucket: `crush_calc_straw` in Ceph's builder.c, for both
/// `straw_calc_version` 0 (the original, which mishandles runs of equal weights) and >= 1.
///
/// The C code works in `double` and stores `straw * 0x10000` into a `__u32`; every step here
/// is the same IEEE-754 operation in the same order, and the conversion truncates like x86-64 C.
enum StrawLengths {
    static func compute(weights: [UInt32], strawCalcVersion: UInt8) -> [UInt32] {
        let size = weights.count
        var straws = [UInt32](repeating: 0, count: size)
        guard size > 0 else { return straws }

        // Indices sorted by ascending weight; the insertion sort keeps equal weights in
        // index order (an item goes before the first strictly heavier one).
        var reverse = [Int](repeating: 0, count: size)
        for i in 1..<size {
            var j = 0
            while j < i {
                if weights[i] < weights[reverse[j]] {
                    var k = i
                    while k > j {
                        reverse[k] = reverse[k - 1]
                        k -= 1
                    }
                    reverse[j] = i
                    break
                }
                j += 1
            }
            if j == i { reverse[i] = i }
        }

        var numLeft = Int32(size)
        var straw = 1.0
        var wBelow = 0.0
        var lastW = 0.0
        var i = 0
        while i < size {
            if strawCalcVersion == 0 {
                if weights[reverse[i]] == 0 {
                    straws[reverse[i]] = 0
                    i += 1
                    continue
                }
                straws[reverse[i]] = CConversion.doubleToUInt32(straw * 65536.0)
                i += 1
                if i == size { break }
                if weights[reverse[i]] == weights[reverse[i - 1]] { continue }
                wBelow += (Double(weights[reverse[i - 1]]) - lastW) * Double(numLeft)
                var j = i
                while j < size {
                    if weights[reverse[j]] == weights[reverse[i]] {
                        numLeft -= 1
                    } else {
                        break
                    }
                    j += 1
                }
                // C: int * (__u32 - __u32) is an unsigned 32-bit product.
                let wNext = Double(UInt32(bitPattern: numLeft) &* (weights[reverse[i]] &- weights[reverse[i - 1]]))
                let pBelow = wBelow / (wBelow + wNext)
                straw *= LibmPow.pow(1.0 / pBelow, 1.0 / Double(numLeft))
                lastW = Double(weights[reverse[i - 1]])
            } else {
                if weights[reverse[i]] == 0 {
                    straws[reverse[i]] = 0
                    i += 1
                    numLeft -= 1
                    continue
                }
                straws[reverse[i]] = CConversion.doubleToUInt32(straw * 65536.0)
                i += 1
                if i == size { break }
                wBelow += (Double(weights[reverse[i - 1]]) - lastW) * Double(numLeft)
                numLeft -= 1
                let wNext = Double(UInt32(bitPattern: numLeft) &* (weights[reverse[i]] &- weights[reverse[i - 1]]))
                let pBelow = wBelow / (wBelow + wNext)
                straw *= LibmPow.pow(1.0 / pBelow, 1.0 / Double(numLeft))
                lastW = Double(weights[reverse[i - 1]])
            }
        }
        return straws
    }
}
