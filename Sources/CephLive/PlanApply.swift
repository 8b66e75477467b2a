#if Live
import CRUSH
public import Simulation

/// What `collective live apply` finds and does: the changes that make a cluster hold a
/// `StoragePlan`, derived each time from what the cluster has (so a second run finds nothing to
/// do, and a run after a failure picks up where the failed one stopped), and the differences
/// it will not touch (a pool of the wrong type, an image larger than planned).
public struct PlanApply: Sendable {
    public let plan: StoragePlan
    public private(set) var actions: [ApplyAction]
    /// Differences left alone, in words.
    public private(set) var conflicts: [String]

    /// Compares `plan` with the cluster behind `rados`.
    public init(plan: StoragePlan, rados: Rados) throws(CephError) {
        self.plan = plan
        actions = []
        conflicts = []
        try diff(rados)
    }

    private mutating func diff(_ rados: Rados) throws(CephError) {
        let ruleDump = try rados.runJSON(MonCommand("osd crush rule dump"))
        var ruleNames: [Int: String] = [:]
        if case .array(let rules) = ruleDump {
            for r in rules {
                if case .number(let id)? = r["rule_id"], let i = id.int64, case .string(let name)? = r["rule_name"] {
                    ruleNames[Int(i)] = name
                }
            }
        }
        var profiles = Swift.Set<String>()
        if case .array(let list) = try rados.runJSON(MonCommand("osd erasure-code-profile ls")) {
            for p in list { if case .string(let n) = p { profiles.insert(n) } }
        }
        let pools = try rados.pools()
        let poolsByName = Dictionary(pools.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var newRules = Swift.Set<String>()
        for planned in plan.pools {
            guard let existing = poolsByName[planned.name] else {
                if planned.type == "erasure" {
                    let profile = planned.erasureCodeProfile ?? "\(planned.name)-profile"
                    if !profiles.contains(profile) {
                        actions.append(.createErasureProfile(
                            name: profile, k: planned.k ?? 2, m: planned.m ?? 1,
                            failureDomain: planned.failureDomain, deviceClass: planned.deviceClass))
                        profiles.insert(profile)
                    }
                    if !ruleNames.values.contains(planned.rule) && !newRules.contains(planned.rule) {
                        actions.append(.createErasureRule(name: planned.rule, profile: profile))
                        newRules.insert(planned.rule)
                    }
                } else if !ruleNames.values.contains(planned.rule) && !newRules.contains(planned.rule) {
                    actions.append(.createReplicatedRule(name: planned.rule, failureDomain: planned.failureDomain, deviceClass: planned.deviceClass))
                    newRules.insert(planned.rule)
                }
                actions.append(.createPool(planned))
                if planned.application == "rbd" { actions.append(.initializeRBD(pool: planned.name)) }
                continue
            }
            if existing.type != planned.type {
                conflicts.append("pool \(planned.name) is \(existing.type), the plan wants \(planned.type): left as it is")
                continue
            }
            if planned.type == "replicated" && existing.size != planned.size {
                actions.append(.setPool(pool: planned.name, variable: "size", value: String(planned.size)))
            }
            if existing.minSize != planned.minSize {
                actions.append(.setPool(pool: planned.name, variable: "min_size", value: String(planned.minSize)))
            }
            if existing.pgNumTarget != Int(planned.pgNum) {
                actions.append(.setPool(pool: planned.name, variable: "pg_num", value: String(planned.pgNum)))
            }
            let rule = ruleNames[existing.crushRule]
            if rule != planned.rule {
                if planned.type == "replicated" && !ruleNames.values.contains(planned.rule) && !newRules.contains(planned.rule) {
                    actions.append(.createReplicatedRule(name: planned.rule, failureDomain: planned.failureDomain, deviceClass: planned.deviceClass))
                    newRules.insert(planned.rule)
                }
                if planned.type == "replicated" {
                    actions.append(.setPool(pool: planned.name, variable: "crush_rule", value: planned.rule))
                } else {
                    conflicts.append("erasure pool \(planned.name) uses rule \(rule ?? "?"), the plan names \(planned.rule): left as it is")
                }
            }
            if planned.allowECOverwrites && !existing.flags.contains("ec_overwrites") {
                actions.append(.setPool(pool: planned.name, variable: "allow_ec_overwrites", value: "true"))
            }
            if let app = planned.application, !existing.applications.contains(app) {
                actions.append(.enableApplication(pool: planned.name, application: app))
            }
        }
        // Images: in pools that exist, compare; in pools still to be made, create.
        var imagesByPool: [String: [String: UInt64]] = [:]
        for pool in Swift.Set(plan.images.map(\.pool)).sorted() where poolsByName[pool] != nil {
            let rbd = RBDPool(try rados.ioContext(pool: pool))
            var sizes: [String: UInt64] = [:]
            let wanted = Swift.Set(plan.images.filter { $0.pool == pool }.map(\.name))
            for name in try rbd.imageNames() where wanted.contains(name) {
                sizes[name] = try rbd.open(name).info().size
            }
            imagesByPool[pool] = sizes
        }
        for image in plan.images {
            guard let size = imagesByPool[image.pool]?[image.name] else {
                actions.append(.createImage(pool: image.pool, name: image.name, sizeBytes: image.sizeBytes))
                continue
            }
            if size < image.sizeBytes {
                actions.append(.growImage(pool: image.pool, name: image.name, fromBytes: size, toBytes: image.sizeBytes))
            } else if size > image.sizeBytes {
                conflicts.append("image \(image.pool)/\(image.name) has \(size) bytes, more than the planned \(image.sizeBytes): left as it is")
            }
        }
        // Directories, one mount per file system.
        if !plan.directories.isEmpty {
            // File system name → its data pools' names.
            var fileSystems: [String: Swift.Set<String>] = [:]
            for fs in FileSystemSpec.listed(in: try rados.runJSON(MonCommand("fs ls"))) {
                fileSystems[fs.name] = Swift.Set(fs.dataPools)
            }
            let plannedPools = Swift.Set(plan.pools.map(\.name))
            for fsName in Swift.Set(plan.directories.map(\.fileSystem)).sorted() {
                let dirs = plan.directories.filter { $0.fileSystem == fsName }
                guard let dataPools = fileSystems[fsName] else {
                    conflicts.append("file system \(fsName) does not exist (ceph fs new): \(dirs.count) director\(dirs.count == 1 ? "y" : "ies") not made")
                    continue
                }
                // Layouts name data pools of the file system: add the missing ones first.
                var usable = dataPools
                for pool in Swift.Set(dirs.compactMap(\.layoutPool)).sorted() where !dataPools.contains(pool) {
                    if poolsByName[pool] != nil || plannedPools.contains(pool) {
                        actions.append(.addDataPool(fileSystem: fsName, pool: pool))
                        usable.insert(pool)
                    } else {
                        conflicts.append("pool \(pool) does not exist and is not planned: no directory of \(fsName) laid out in it")
                    }
                }
                let mount = try CephFSMount(rados.config, fileSystem: fsName)
                for dir in dirs {
                    let wantedLayout = dir.layoutPool.flatMap { usable.contains($0) ? $0 : nil }
                    let quota: CephFSMount.Quota
                    do {
                        quota = try mount.quota(dir.path)
                    } catch where error.errno == .noSuchFileOrDirectory {
                        actions.append(.makeDirectory(fileSystem: fsName, path: dir.path, quotaBytes: dir.quotaBytes))
                        if let pool = wantedLayout { actions.append(.setDirectoryLayout(fileSystem: fsName, path: dir.path, pool: pool)) }
                        continue
                    }
                    if let wanted = dir.quotaBytes, quota.maxBytes != wanted {
                        actions.append(.setDirectoryQuota(fileSystem: fsName, path: dir.path, quotaBytes: wanted))
                    }
                    if let pool = wantedLayout, try mount.layoutPool(dir.path) != pool {
                        actions.append(.setDirectoryLayout(fileSystem: fsName, path: dir.path, pool: pool))
                    }
                }
            }
        }
    }

    /// Performs the actions in order, calling `done` after each. Stops at the first failure and
    /// throws it; what was done stays done, and the next `PlanApply` starts from there.
    public func execute(_ rados: Rados, done: (ApplyAction) -> Void) throws(CephError) {
        var mounts: [String: CephFSMount] = [:]
        func mount(_ fs: String) throws(CephError) -> CephFSMount {
            if let m = mounts[fs] { return m }
            let m = try CephFSMount(rados.config, fileSystem: fs)
            mounts[fs] = m
            return m
        }
        for action in actions {
            switch action {
            case .createReplicatedRule(let name, let domain, let cls):
                var args: [String: MonCommand.Value] = ["name": .string(name), "root": .string("default"), "type": .string(domain)]
                if let cls { args["class"] = .string(cls) }
                try rados.withTarget("create crush rule", name) { () throws(CephError) in
                    try rados.run(MonCommand("osd crush rule create-replicated", args))
                }
            case .createErasureProfile(let name, let k, let m, let domain, let cls):
                var profile = ["k=\(k)", "m=\(m)", "crush-failure-domain=\(domain)"]
                if let cls { profile.append("crush-device-class=\(cls)") }
                try rados.withTarget("create erasure-code profile", name) { () throws(CephError) in
                    try rados.run(MonCommand("osd erasure-code-profile set", ["name": .string(name), "profile": .strings(profile)]))
                }
            case .createErasureRule(let name, let profile):
                try rados.withTarget("create crush rule", name) { () throws(CephError) in
                    try rados.run(MonCommand("osd crush rule create-erasure", ["name": .string(name), "profile": .string(profile)]))
                }
            case .createPool(let p):
                var args: [String: MonCommand.Value] = [
                    "pool": .string(p.name), "pg_num": .int(Int64(p.pgNum)), "pgp_num": .int(Int64(p.pgNum)), "rule": .string(p.rule),
                ]
                if p.type == "erasure" {
                    args["pool_type"] = .string("erasure")
                    args["erasure_code_profile"] = .string(p.erasureCodeProfile ?? "\(p.name)-profile")
                } else {
                    args["pool_type"] = .string("replicated")
                }
                try rados.withTarget("create pool", p.name) { () throws(CephError) in try rados.run(MonCommand("osd pool create", args)) }
                if p.type == "replicated" { try rados.setPool(p.name, "size", String(p.size)) }
                try rados.setPool(p.name, "min_size", String(p.minSize))
                if p.allowECOverwrites { try rados.setPool(p.name, "allow_ec_overwrites", "true") }
                if let app = p.application { try rados.enableApplication(p.name, app) }
            case .setPool(let pool, let variable, let value):
                try rados.setPool(pool, variable, value)
            case .enableApplication(let pool, let app):
                try rados.enableApplication(pool, app)
            case .initializeRBD(let pool):
                try RBDPool(try rados.ioContext(pool: pool)).initialize()
            case .createImage(let pool, let name, let size):
                try RBDPool(try rados.ioContext(pool: pool)).create(name, size: size)
            case .growImage(let pool, let name, _, let size):
                try RBDPool(try rados.ioContext(pool: pool)).open(name).resize(to: size)
            case .makeDirectory(let fs, let path, let quota):
                let m = try mount(fs)
                try m.makeDirectory(path)
                try m.updateQuota(path, maxBytes: quota)
            case .setDirectoryQuota(let fs, let path, let quota):
                try mount(fs).updateQuota(path, maxBytes: quota)
            case .addDataPool(let fs, let pool):
                try rados.withTarget("add data pool to \(fs)", pool) { () throws(CephError) in
                    try rados.run(MonCommand("fs add_data_pool", ["fs_name": .string(fs), "pool": .string(pool)]))
                }
            case .setDirectoryLayout(let fs, let path, let pool):
                try mount(fs).setLayoutPool(path, pool)
            }
            done(action)
        }
    }
}
#endif
