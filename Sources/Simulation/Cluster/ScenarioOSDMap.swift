public import Placement
internal import CRUSH

extension Scenario {
    /// The OSD map the scenario's cluster starts with: every disk of the fleet at time 0 is an
    /// OSD that exists and is up, with the disk's override weight (`reweight`, default 1.0: in)
    /// and primary affinity (default 1.0); the pools are
    /// the scenario's, with `hashpspool` (the default since Luminous); the CRUSH map is
    /// `crushMap`; the upmap exceptions are `ceph.upmaps`. OSD ids without a disk (gaps) are slots that do not exist, as after
    /// `ceph osd purge`.
    public func initialOSDMap() -> OSDMap {
        var maxOSD: Int32 = -1
        for host in fleet.hosts {
            for disk in host.disks {
                if let osd = disk.osd { maxOSD = max(maxOSD, osd) }
            }
        }
        var osds = [OSD](repeating: OSD(), count: Int(maxOSD + 1))
        for host in fleet.hosts {
            for disk in host.disks {
                guard let osd = disk.osd else { continue }
                osds[Int(osd)] = OSD(state: [.exists, .up], weight: disk.reweight, primaryAffinity: disk.primaryAffinity)
            }
        }
        var pools: [Int64: Pool] = [:]
        var profiles: [String: [String: String]] = [:]
        for spec in ceph.pools {
            let pool = spec.placementPool()
            pools[spec.id] = pool
            if case .erasure(let k, let m) = spec.kind {
                profiles[pool.erasureCodeProfile] = spec.erasureCodeProfile(k: k, m: m)
            }
        }
        let poolMax = Int32(truncatingIfNeeded: ceph.pools.map(\.id).max() ?? 0)
        var map = OSDMap(
            poolMax: poolMax, pools: pools, osds: osds, erasureCodeProfiles: profiles,
            crush: crushMap.normalizedAsCephDecodes())
        for upmap in ceph.upmaps {
            switch upmap.change {
            case .items(let pairs): map.pgUpmapItems[upmap.pg] = pairs
            case .osds(let ids): map.pgUpmap[upmap.pg] = ids
            }
        }
        return map
    }
}

extension PoolSpec {
    /// The pool as the OSD map holds it (`pg_pool_t`).
    public func placementPool() -> Pool {
        var k: Int?
        var m: Int?
        var profile = ""
        let kind: Pool.Kind
        switch self.kind {
        case .replicated:
            kind = .replicated
        case .erasure(let dataChunks, let codingChunks):
            kind = .erasure
            k = dataChunks
            m = codingChunks
            profile = erasureCodeProfileName
        }
        return Pool(
            id: id, name: name, kind: kind, size: UInt8(clamping: size), minSize: UInt8(clamping: minSize),
            crushRule: ruleID, pgNum: pgNum, pgpNum: pgpNum, flags: .hashPSPool,
            applications: application.map { [$0] } ?? [], erasureCodeProfile: profile,
            erasureK: k, erasureM: m)
    }

    /// The erasure-code profile an erasure pool of this spec is created with: one per pool,
    /// named after it (`ceph osd erasure-code-profile set <pool>-profile …`).
    public var erasureCodeProfileName: String { "\(name)-profile" }

    /// The profile's settings, as `ceph osd erasure-code-profile get` lists them.
    func erasureCodeProfile(k: Int, m: Int) -> [String: String] {
        var profile = [
            "k": String(k), "m": String(m), "plugin": "jerasure", "technique": "reed_sol_van",
            "crush-failure-domain": failureDomain, "crush-root": "default",
        ]
        if let deviceClass { profile["crush-device-class"] = deviceClass }
        return profile
    }
}
