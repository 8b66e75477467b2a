/// The node-resource scoring functions of kube-scheduler, integer for integer: the three
/// `NodeResourcesFit` strategies (pkg/scheduler/framework/plugins/noderesources:
/// least_allocated.go, most_allocated.go, requested_to_capacity_ratio.go) and
/// `NodeResourcesBalancedAllocation` (balanced_allocation.go, the standard-deviation form of
/// Kubernetes 1.25 and later). Scores run 0…`maxNodeScore` (100).
public enum ResourceScoring {
    /// `framework.MaxNodeScore`.
    public static let maxNodeScore: Int64 = 100

    /// How `NodeResourcesFit` scores (its `scoringStrategy.type`).
    public enum Strategy: Sendable, Equatable {
        /// The default: prefer nodes with the most room left.
        case leastAllocated
        /// Bin packing: prefer the fullest nodes.
        case mostAllocated
        /// A broken-line function of utilisation: points (utilisation 0…100, score 0…10) as in
        /// `RequestedToCapacityRatioParam.shape`.
        case requestedToCapacityRatio([(utilization: Int64, score: Int64)])

        public static func == (a: Strategy, b: Strategy) -> Bool {
            switch (a, b) {
            case (.leastAllocated, .leastAllocated), (.mostAllocated, .mostAllocated): true
            case (.requestedToCapacityRatio(let x), .requestedToCapacityRatio(let y)):
                x.count == y.count && zip(x, y).allSatisfy { $0.utilization == $1.utilization && $0.score == $1.score }
            default: false
            }
        }
    }

    /// `leastRequestedScore`: `(capacity − requested) × 100 / capacity`, 0 when over capacity.
    public static func leastRequested(_ requested: Int64, _ capacity: Int64) -> Int64 {
        if capacity == 0 || requested > capacity { return 0 }
        return (capacity - requested) * maxNodeScore / capacity
    }

    /// `mostRequestedScore`: `requested × 100 / capacity`, requested capped at capacity.
    public static func mostRequested(_ requested: Int64, _ capacity: Int64) -> Int64 {
        if capacity == 0 { return 0 }
        return min(requested, capacity) * maxNodeScore / capacity
    }

    /// `helper.BuildBrokenLinearFunction` over the shape scaled to 0…100
    /// (`score × MaxNodeScore / MaxCustomPriorityScore`).
    static func brokenLinear(_ shape: [(utilization: Int64, score: Int64)], _ p: Int64) -> Int64 {
        let scaled = shape.map { (utilization: $0.utilization, score: $0.score * (maxNodeScore / 10)) }
        for (i, point) in scaled.enumerated() where p <= point.utilization {
            if i == 0 { return scaled[0].score }
            let previous = scaled[i - 1]
            return previous.score + (point.score - previous.score) * (p - previous.utilization) / (point.utilization - previous.utilization)
        }
        return scaled.last?.score ?? 0
    }

    /// The `NodeResourcesFit` score of a node for CPU and memory (weights 1 and 1, the
    /// default `resources`), given what would be requested with the pod on it.
    public static func fitScore(strategy: Strategy, requested: ResourceAmount, allocatable: ResourceAmount) -> Int64 {
        let pairs = [(requested.milliCPU, allocatable.milliCPU), (requested.memory, allocatable.memory)]
        switch strategy {
        case .leastAllocated, .mostAllocated:
            var score: Int64 = 0
            var weights: Int64 = 0
            for (r, a) in pairs where a != 0 {
                score += strategy == .leastAllocated ? leastRequested(r, a) : mostRequested(r, a)
                weights += 1
            }
            return weights == 0 ? 0 : score / weights
        case .requestedToCapacityRatio(let shape):
            guard !shape.isEmpty else { return 0 }
            var score: Int64 = 0
            var weights: Int64 = 0
            for (r, a) in pairs {
                let utilization = (a == 0 || r > a) ? 100 : r * 100 / a
                score += brokenLinear(shape, utilization)
                weights += 1
            }
            return Int64((Double(score) / Double(weights)).rounded())
        }
    }

    /// `balancedResourceScorer`: `(1 − σ) × 100` truncated, σ the standard deviation of the
    /// requested fractions (each capped at 1); with two resources σ = |f₁ − f₂| / 2.
    public static func balancedAllocation(requested: ResourceAmount, allocatable: ResourceAmount) -> Int64 {
        var fractions: [Double] = []
        for (r, a) in [(requested.milliCPU, allocatable.milliCPU), (requested.memory, allocatable.memory)] where a != 0 {
            fractions.append(min(Double(r) / Double(a), 1))
        }
        var std = 0.0
        if fractions.count == 2 {
            std = abs((fractions[0] - fractions[1]) / 2)
        } else if fractions.count > 2 {
            let mean = fractions.reduce(0, +) / Double(fractions.count)
            std = (fractions.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(fractions.count)).squareRoot()
        }
        return Int64((1 - std) * Double(maxNodeScore))
    }

    /// `helper.DefaultNormalizeScore`: scale so the highest raw score becomes 100 (reversed:
    /// the highest becomes 0); all zero stays 0 (reversed: all 100).
    public static func defaultNormalize(_ scores: [Int64], reverse: Bool) -> [Int64] {
        let maxCount = scores.max() ?? 0
        if maxCount == 0 {
            return reverse ? scores.map { _ in maxNodeScore } : scores
        }
        return scores.map { score in
            let s = maxNodeScore * score / maxCount
            return reverse ? maxNodeScore - s : s
        }
    }
}
