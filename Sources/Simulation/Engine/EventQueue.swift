internal import HeapModule

/// The engine's agenda: events in (time, sequence) order in a binary heap (swift-collections'
/// `Heap`). The queue hands out sequence numbers, so two events scheduled for the same
/// millisecond run in scheduling order.
struct EventQueue {
    private var heap = Heap<SimulationEvent>()
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    mutating func schedule(_ kind: SimulationEvent.Kind, at time: Int64) {
        heap.insert(SimulationEvent(time: time, sequence: nextSequence, kind: kind))
        nextSequence &+= 1
    }

    /// The time of the next event.
    var nextTime: Int64? { heap.min?.time }

    mutating func popNext() -> SimulationEvent? {
        heap.popMin()
    }
}
