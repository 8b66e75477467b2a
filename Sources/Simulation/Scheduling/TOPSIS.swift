/// TOPSIS (Technique for Order of Preference by Similarity to Ideal Solution), as the
/// proxmox-resource-scheduling crate implements it (`topsis.rs`): each criterion's column is
/// divided by its L² norm (a column of zeros stays zero); the ideal best and worst alternatives
/// take each column's best and worst value (max or min by the criterion's direction); weighted
/// Euclidean distances to both give the score `d⁻ / (d⁺ + d⁻)`, 0 when both are 0. Weights are
/// normalised to sum to 1; a negative weight in the input means "minimise".
enum TOPSIS {
    struct Criterion {
        var weight: Double
        var maximize: Bool

        /// `Criterion::new`: the sign of the weight gives the direction.
        init(_ weight: Double) {
            maximize = weight >= 0
            self.weight = abs(weight)
        }
    }

    /// Scores 0…1, higher is better, one per row of `matrix`.
    static func scores(_ matrix: [[Double]], criteria: [Criterion]) -> [Double] {
        let n = criteria.count
        let total = criteria.reduce(0) { $0 + $1.weight }
        let weights = criteria.map { total == 0 ? 0 : $0.weight / total }
        var normalized = matrix
        for c in 0..<n {
            let norm = matrix.reduce(0) { $0 + $1[c] * $1[c] }.squareRoot()
            if norm != 0 { for r in normalized.indices { normalized[r][c] /= norm } }
        }
        var best = [Double](repeating: 0, count: n)
        var worst = [Double](repeating: 0, count: n)
        for c in 0..<n {
            let column = normalized.map { $0[c] }
            let lo = column.min() ?? 0
            let hi = column.max() ?? 0
            (best[c], worst[c]) = criteria[c].maximize ? (hi, lo) : (lo, hi)
        }
        func distance(_ row: [Double], _ ideal: [Double]) -> Double {
            var sum = 0.0
            for c in 0..<n {
                let d = (row[c] - ideal[c]) * weights[c]
                sum += d * d
            }
            return sum.squareRoot()
        }
        return normalized.map { row in
            let toBest = distance(row, best)
            let toWorst = distance(row, worst)
            let divisor = toBest + toWorst
            return divisor == 0 ? 0 : toWorst / divisor
        }
    }
}
