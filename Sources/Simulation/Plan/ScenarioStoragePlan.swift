extension Scenario {
    /// The storage the scenario's workloads need at time 0 (see `StoragePlan` for the naming).
    /// Pools come in the scenario's order; images VM by VM (disk order), then claims of Pods,
    /// Deployments and StatefulSets in file order; one directory per file system's data pool
    /// beyond the first (`/<pool>`, laid out there with `ceph.dir.layout.pool`).
    public func storagePlan() -> StoragePlan {
        var plan = StoragePlan()
        for spec in ceph.pools {
            var pool = PlannedPool(
                name: spec.name, type: spec.kind.name, size: spec.size, minSize: spec.minSize,
                pgNum: spec.pgNum, rule: spec.rule, deviceClass: spec.deviceClass,
                failureDomain: spec.failureDomain, application: spec.application)
            if case .erasure(let k, let m) = spec.kind {
                pool.k = k
                pool.m = m
                pool.erasureCodeProfile = spec.erasureCodeProfileName
                pool.allowECOverwrites = spec.application == "rbd" || spec.application == "cephfs"
            }
            plan.pools.append(pool)
        }
        for vm in workloads.vms {
            for (index, disk) in vm.disks.enumerated() {
                plan.images.append(PlannedImage(
                    pool: disk.pool, name: "vm-\(vm.id)-disk-\(index)", sizeBytes: disk.size.bytes,
                    owner: "vm/\(vm.id)"))
            }
        }
        for workload in workloads.pods + workloads.deployments + workloads.statefulSets {
            for claim in workload.claimNames() {
                guard let pool = storagePool(for: claim.volume) else { continue }
                plan.images.append(PlannedImage(
                    pool: pool, name: "k8s-\(workload.namespace)-\(claim.name)",
                    sizeBytes: claim.volume.size.bytes, owner: "pvc/\(workload.namespace)/\(claim.name)"))
            }
        }
        for fs in ceph.filesystems {
            for pool in fs.dataPools.dropFirst() {
                plan.directories.append(PlannedDirectory(fileSystem: fs.name, path: "/\(pool)", layoutPool: pool))
            }
        }
        return plan
    }

    /// The pool a claim's storage class provisions into (the default class when it names none).
    public func storagePool(for claim: VolumeClaim) -> String? {
        let classes = workloads.storageClasses
        let storageClass = claim.storageClass.flatMap { name in classes.first { $0.name == name } }
            ?? (claim.storageClass == nil ? classes.first { $0.isDefault } : nil)
        return storageClass?.pool
    }
}

extension KubernetesWorkload {
    /// The persistent volume claims this workload makes, named as Kubernetes names them: a
    /// StatefulSet's templates give `<volume>-<name>-<ordinal>` per replica; a Deployment or a
    /// Pod shares one claim `<name>-<volume>` across its replicas.
    public func claimNames() -> [(name: String, volume: VolumeClaim)] {
        switch kind {
        case .statefulSet:
            (0..<max(replicas, 0)).flatMap { ordinal in
                volumes.map { ("\($0.name)-\(name)-\(ordinal)", $0) }
            }
        case .deployment, .pod:
            volumes.map { ("\(name)-\($0.name)", $0) }
        }
    }
}
