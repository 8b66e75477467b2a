/// What a host can give to guests (Proxmox VMs and Kubernetes pods): its hardware threads and
/// RAM less what the host OS, the hypervisor and the Ceph daemons it runs keep for themselves.
///
/// The reserves follow the vendors' sizing guidance:
/// - Proxmox VE (system requirements, "Memory: minimum 2 GB for the OS and Proxmox VE services")
///   and its Ceph chapter ("Deploy Hyper-Converged Ceph Cluster": at least one CPU core or thread
///   per Ceph service; an OSD uses `osd_memory_target`, 4 GiB by default);
/// - Ceph's hardware recommendations: monitors and managers of small clusters need 1–2 GB (2 GiB
///   kept each); an MDS uses up to `mds_cache_memory_limit` (4 GiB by default) for its cache;
/// - K3s' requirements: a server needs 2 cores and 2 GB (K3s docs, "Requirements"), an agent
///   512 MB (1 GiB kept on hosts without Proxmox, with one thread for the OS).
/// Consul, Mosquitto and Home Assistant are small beside these and not reserved.
public struct HostBudget: Sendable, Equatable {
    public var host: String
    /// Hardware threads × 1000 and RAM.
    public var capacity: ResourceAmount
    /// What is kept back, one line per daemon kind, in a fixed order.
    public var reserves: [HostReserve]

    public init(host: String, capacity: ResourceAmount, reserves: [HostReserve]) {
        self.host = host
        self.capacity = capacity
        self.reserves = reserves
    }

    /// Everything reserved.
    public var reserved: ResourceAmount {
        reserves.reduce(.zero) { $0 + $1.amount }
    }

    /// Capacity less reserves, never below zero: what guests may use.
    public var allocatable: ResourceAmount {
        (capacity - reserved).clampedAtZero
    }
}

/// One reserve of a `HostBudget`: `2 × ceph-osd` with the resources they keep.
public struct HostReserve: Sendable, Equatable {
    public var what: String
    public var amount: ResourceAmount

    public init(what: String, amount: ResourceAmount) {
        self.what = what
        self.amount = amount
    }
}

extension Scenario {
    /// The budget of every host of the fleet at time 0, in fleet order.
    public func hostBudgets() -> [HostBudget] {
        fleet.hosts.map(hostBudget(for:))
    }

    /// The budget of one host (also for hosts that join later).
    public func hostBudget(for host: Host) -> HostBudget {
        let gib: Int64 = 1 << 30
        var reserves: [HostReserve] = []
        func keep(_ count: Int, _ what: String, cpu: Int64, memory: Int64) {
            guard count > 0 else { return }
            let label = count == 1 ? what : "\(count) × \(what)"
            reserves.append(HostReserve(
                what: label, amount: ResourceAmount(milliCPU: cpu * Int64(count), memory: memory * Int64(count))))
        }
        let isProxmox = services.proxmox?.nodes.contains(host.name) ?? false
        if isProxmox {
            keep(1, "Proxmox VE and OS", cpu: 1000, memory: 2 * gib)
        } else {
            keep(1, "OS", cpu: 1000, memory: gib)
        }
        if services.k3s?.servers.contains(host.name) ?? false {
            keep(1, "k3s server", cpu: 2000, memory: 2 * gib)
        }
        let osdMemory = Int64(clamping: ceph.config.osdMemoryTarget.bytes)
        keep(host.disks.count, "ceph-osd", cpu: 1000, memory: osdMemory)
        keep(ceph.mons.filter { $0 == host.name }.count, "ceph-mon", cpu: 1000, memory: 2 * gib)
        keep(ceph.mgrs.filter { $0 == host.name }.count, "ceph-mgr", cpu: 1000, memory: 2 * gib)
        keep(ceph.mds.filter { $0 == host.name }.count, "ceph-mds", cpu: 1000, memory: 4 * gib)
        return HostBudget(
            host: host.name,
            capacity: ResourceAmount(milliCPU: Int64(host.threads) * 1000, memory: Int64(clamping: host.ram.bytes)),
            reserves: reserves)
    }
}
