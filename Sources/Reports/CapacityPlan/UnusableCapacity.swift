import Simulation

/// Raw capacity that a failure domain cannot fill: a pool of `n` copies or shards with host
/// failure domain puts at most one of them on each host, so a host holds at most `1/n` of the
/// pool's placements however much weight CRUSH gives it. When one host has more than `1/n` of a
/// device class's capacity, the class is full once the other hosts are: the big host then holds
/// at most `others / (n − 1)` bytes of it, and the rest of its disks stays empty.
///
/// Computed per device class over the pools whose OSDs are all of that class and whose failure
/// domain is `host`, with the largest `n` among them (the tightest cap).
public struct UnusableCapacity: Sendable, Equatable {
    public var deviceClass: String
    public var host: String
    /// Copies or shards per placement of the tightest pool, and that pool.
    public var placements: Int
    public var pool: String
    /// The host's share of the class's raw capacity, and the cap `1/n`.
    public var share: Double
    public var cap: Double
    public var hostBytes: UInt64
    /// Bytes of the host's disks that cannot be filled.
    public var unusableBytes: UInt64

    /// Every host over its cap, by class then host name.
    static func find(plan: CapacityPlan) -> [UnusableCapacity] {
        var out: [UnusableCapacity] = []
        for deviceClass in plan.deviceClasses {
            let pools = plan.pools.filter { p in
                p.spec.failureDomain == "host" && !p.osds.isEmpty && p.osds.allSatisfy { plan.classOf[$0] == deviceClass }
            }
            guard let tightest = pools.max(by: { $0.spec.size < $1.spec.size }), tightest.spec.size > 1 else { continue }
            let n = tightest.spec.size
            var bytesByHost: [String: UInt64] = [:]
            for host in plan.scenario.fleet.hosts {
                for disk in host.disks where disk.osd != nil && disk.deviceClass == deviceClass {
                    bytesByHost[host.name, default: 0] &+= disk.size.bytes
                }
            }
            let total = bytesByHost.values.reduce(UInt64(0), &+)
            guard total > 0 else { continue }
            for (host, bytes) in bytesByHost.sorted(by: { $0.key < $1.key }) {
                let share = Double(bytes) / Double(total)
                let others = total - bytes
                let usable = Double(others) / Double(n - 1)
                guard share > 1 / Double(n), Double(bytes) > usable else { continue }
                out.append(UnusableCapacity(
                    deviceClass: deviceClass, host: host, placements: n, pool: tightest.spec.name, share: share,
                    cap: 1 / Double(n), hostBytes: bytes, unusableBytes: UInt64(Double(bytes) - usable)))
            }
        }
        return out
    }
}
