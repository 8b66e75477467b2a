/// A property the simulation must show for the scenario to pass; a failed one is reported by
/// its file name (`no_data_loss`, …) and makes `collective simulate` exit non-zero.
public struct Expectation: Sendable, Equatable {
    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, location: SourceLocation = .unknown) {
        self.kind = kind
        self.location = location
    }

    public enum Kind: Sendable, Equatable {
        /// `no_data_loss: true`: no PG ever loses every copy.
        case noDataLoss
        /// `max_inactive_pgs: N`: at no moment are more than N PGs inactive.
        case maxInactivePGs(Int)
        /// `healthy_within: 2h`: HEALTH_OK is reached at most this long after the last event.
        case healthyWithin(Duration)
    }

    /// The key that states it in the file.
    public var name: String {
        switch kind {
        case .noDataLoss: "no_data_loss"
        case .maxInactivePGs: "max_inactive_pgs"
        case .healthyWithin: "healthy_within"
        }
    }
}
