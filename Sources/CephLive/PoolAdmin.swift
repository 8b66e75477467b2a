#if Live
/// Pool management through mon commands, as `ceph osd pool …` does it.
extension Rados {
    /// Every pool, in id order (from `osd dump`).
    public func pools() throws(CephError) -> [PoolInfo] {
        try PoolInfo.all(osdDump: try runJSON(MonCommand("osd dump")))
    }

    /// Creates a pool (and its erasure-code profile) and sets size, min_size, application and
    /// quotas. A pool that already exists is left as it is: the mon answers "already exists".
    public func createPool(_ spec: PoolSpec) throws(CephError) {
        var args: [String: MonCommand.Value] = [
            "pool": .string(spec.name), "pg_num": .int(Int64(spec.pgNum)), "pgp_num": .int(Int64(spec.pgNum)),
        ]
        switch spec.redundancy {
        case .replicated:
            args["pool_type"] = .string("replicated")
            if let rule = spec.rule { args["rule"] = .string(rule) }
        case .erasure(let k, let m, let domain, _):
            let profile = spec.profileName!
            try run(MonCommand("osd erasure-code-profile set", [
                "name": .string(profile),
                "profile": .strings(["k=\(k)", "m=\(m)", "crush-failure-domain=\(domain)"]),
            ]))
            args["pool_type"] = .string("erasure")
            args["erasure_code_profile"] = .string(profile)
            if let rule = spec.rule { args["rule"] = .string(rule) }
        }
        try withTarget("create pool", spec.name) { () throws(CephError) in try run(MonCommand("osd pool create", args)) }
        if case .replicated(let size, let minSize) = spec.redundancy {
            try setPool(spec.name, "size", String(size))
            if let minSize { try setPool(spec.name, "min_size", String(minSize)) }
        }
        if let app = spec.application { try enableApplication(spec.name, app) }
        if spec.quotaMaxBytes > 0 { try setQuota(spec.name, maxBytes: spec.quotaMaxBytes) }
        if spec.quotaMaxObjects > 0 { try setQuota(spec.name, maxObjects: spec.quotaMaxObjects) }
    }

    /// `ceph osd pool set POOL VAR VAL` (size, min_size, pg_num, pgp_num, crush_rule, …).
    public func setPool(_ pool: String, _ variable: String, _ value: String) throws(CephError) {
        try withTarget("set \(variable) of pool", pool) { () throws(CephError) in
            try run(MonCommand("osd pool set", ["pool": .string(pool), "var": .string(variable), "val": .string(value)]))
        }
    }

    /// `ceph osd pool set-quota POOL max_bytes|max_objects N`; nil leaves a quota as it is.
    public func setQuota(_ pool: String, maxBytes: UInt64? = nil, maxObjects: UInt64? = nil) throws(CephError) {
        for (field, value) in [("max_bytes", maxBytes), ("max_objects", maxObjects)] {
            guard let value else { continue }
            try withTarget("set the \(field) quota of pool", pool) { () throws(CephError) in
                try run(MonCommand("osd pool set-quota", ["pool": .string(pool), "field": .string(field), "val": .string(String(value))]))
            }
        }
    }

    /// `ceph osd pool application enable POOL APP`.
    public func enableApplication(_ pool: String, _ application: String) throws(CephError) {
        try withTarget("enable application \(application) on pool", pool) { () throws(CephError) in
            try run(MonCommand("osd pool application enable", ["pool": .string(pool), "app": .string(application)]))
        }
    }

    /// Deletes a pool and its data. The caller asks the user first
    /// (`--yes-i-really-really-mean-it`); the mon also needs `mon_allow_pool_delete`.
    public func deletePool(_ pool: String) throws(CephError) {
        try withTarget("delete pool", pool) { () throws(CephError) in
            try run(MonCommand("osd pool delete", [
                "pool": .string(pool), "pool2": .string(pool), "yes_i_really_really_mean_it": .bool(true),
            ]))
        }
    }

    /// Re-labels a failed command with what it was for ("create pool x").
    func withTarget(_ operation: String, _ target: String, _ body: () throws(CephError) -> Void) throws(CephError) {
        do {
            try body()
        } catch {
            throw CephError(operation, target, errno: error.errno, detail: error.detail)
        }
    }
}
#endif
