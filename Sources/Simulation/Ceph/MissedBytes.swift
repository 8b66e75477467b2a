/// The bytes of writes each holder slot of a pool still misses (`PoolPGs.lag`), indexed like
/// the holders. Almost every slot is complete (0) almost all the time: only the holders of an
/// OSD that came back after being marked down miss writes, until recovery brings them up to
/// date. So only the slots that miss something are stored, and reading any other gives 0:
/// the pool's per-PG memory does not grow with a value that is nearly always zero.
struct MissedBytes {
    private var missing: [Int: Float] = [:]

    /// Bytes slot `index` misses; setting 0 forgets the slot.
    subscript(index: Int) -> Float {
        get { missing[index] ?? 0 }
        set { missing[index] = newValue == 0 ? nil : newValue }
    }
}
