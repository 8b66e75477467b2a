internal import Yams
internal import Placement

/// The files `collective plan -o DIR` writes, as (relative path, contents):
/// - `kubernetes/namespaces.yaml`, `kubernetes/storage.yaml` (a static ceph-csi
///   PersistentVolume per RBD image — `staticVolume: "true"`, the image name as volume handle —
///   and the PersistentVolumeClaim bound to it), and one file per workload with its pods
///   pinned by required node affinity to the nodes the plan chose;
/// - `proxmox/nodes/<node>/qemu-server/<vmid>.conf` (`qm` config with `scsi<n>: <pool>:vm-<id>-disk-<n>`,
///   the storage named like the pool) as /etc/pve lays them out, and `proxmox/ha-manager.sh`
///   with the HA resources and rules.
/// Container images are not part of a scenario: each container's image is its workload's name,
/// to be replaced.
public enum PlanExport {
    public static func files(scenario: Scenario, plan: WorkloadPlan) -> [(path: String, contents: String)] {
        var files: [(String, String)] = []
        let workloads = scenario.workloads.pods + scenario.workloads.deployments + scenario.workloads.statefulSets
        var namespaces: [String] = []
        for w in workloads where !namespaces.contains(w.namespace) { namespaces.append(w.namespace) }
        files.append(("kubernetes/namespaces.yaml", documents(namespaces.map { ns in
            map([("apiVersion", s("v1")), ("kind", s("Namespace")), ("metadata", map([("name", s(ns))]))])
        })))
        files.append(("kubernetes/storage.yaml", documents(storageObjects(scenario: scenario, workloads: workloads))))
        for w in workloads {
            let nodes = plan.pods.filter { $0.pod.workload == w.name && $0.pod.namespace == w.namespace }.compactMap(\.node)
            var pinned: [String] = []
            for n in nodes where !pinned.contains(n) { pinned.append(n) }
            files.append(("kubernetes/\(w.kind.rawValue.lowercased())-\(w.namespace)-\(w.name).yaml",
                          documents([workloadObject(w, scenario: scenario, nodes: pinned)])))
        }
        for vm in scenario.workloads.vms {
            let node = plan.vms.first { $0.id == vm.id }?.node ?? vm.node ?? "unplaced"
            files.append(("proxmox/nodes/\(node)/qemu-server/\(vm.id).conf", qmConfig(vm, node: node)))
        }
        files.append(("proxmox/ha-manager.sh", haCommands(scenario)))
        return files
    }

    // MARK: YAML nodes

    static func s(_ value: String) -> Node {
        let ambiguous: Set<String> = ["", "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        let quote = ambiguous.contains(value.lowercased()) || Int64(value) != nil || Double(value) != nil
        return Node.scalar(Node.Scalar(value, .implicit, quote ? .doubleQuoted : .any))
    }

    static func i(_ value: Int) -> Node { Node.scalar(Node.Scalar(String(value))) }

    static func map(_ pairs: [(String, Node?)]) -> Node {
        Node.mapping(Node.Mapping(pairs.compactMap { key, value in value.map { (s(key), $0) } }))
    }

    static func seq(_ nodes: [Node]) -> Node { Node.sequence(Node.Sequence(nodes)) }

    static func labels(_ labels: [String: String]) -> Node {
        map(labels.keys.sorted().map { ($0, s(labels[$0]!)) })
    }

    static func documents(_ nodes: [Node]) -> String {
        (try? serialize(nodes: nodes, explicitStart: true, sortKeys: false)) ?? ""
    }

    /// A Kubernetes quantity: `8Gi`, `512Mi`, or bytes.
    static func quantity(_ bytes: UInt64) -> String {
        for (unit, size) in [("Ti", UInt64(1) << 40), ("Gi", 1 << 30), ("Mi", 1 << 20), ("Ki", 1 << 10)] where bytes % size == 0 && bytes >= size {
            return "\(bytes / size)\(unit)"
        }
        return String(bytes)
    }

    // MARK: Kubernetes

    static func storageObjects(scenario: Scenario, workloads: [KubernetesWorkload]) -> [Node] {
        let clusterID = scenario.initialOSDMap().fsid
        var objects: [Node] = []
        for w in workloads {
            for claim in w.claimNames() {
                guard let pool = scenario.storagePool(for: claim.volume) else { continue }
                let image = "k8s-\(w.namespace)-\(claim.name)"
                let size = quantity(claim.volume.size.bytes)
                let modes = seq([s(claim.volume.accessMode.rawValue)])
                objects.append(map([
                    ("apiVersion", s("v1")), ("kind", s("PersistentVolume")),
                    ("metadata", map([("name", s(image))])),
                    ("spec", map([
                        ("accessModes", modes), ("capacity", map([("storage", s(size))])),
                        ("csi", map([
                            ("driver", s("rbd.csi.ceph.com")), ("fsType", s("ext4")),
                            ("nodeStageSecretRef", map([("name", s("csi-rbd-secret")), ("namespace", s("ceph-csi-rbd"))])),
                            ("volumeAttributes", map([
                                ("clusterID", s(clusterID)), ("pool", s(pool)), ("imageFeatures", s("layering")),
                                ("staticVolume", s("true")), ("imageName", s(image)),
                            ])),
                            ("volumeHandle", s(image)),
                        ])),
                        ("persistentVolumeReclaimPolicy", s("Retain")), ("storageClassName", s("")),
                        ("volumeMode", s("Filesystem")),
                    ])),
                ]))
                objects.append(map([
                    ("apiVersion", s("v1")), ("kind", s("PersistentVolumeClaim")),
                    ("metadata", map([("name", s(claim.name)), ("namespace", s(w.namespace))])),
                    ("spec", map([
                        ("accessModes", modes), ("resources", map([("requests", map([("storage", s(size))]))])),
                        ("storageClassName", s("")), ("volumeMode", s("Filesystem")), ("volumeName", s(image)),
                    ])),
                ]))
            }
        }
        return objects
    }

    static func expression(_ r: LabelRequirement) -> Node {
        map([("key", s(r.key)), ("operator", s(r.op.rawValue)), ("values", r.values.isEmpty ? nil : seq(r.values.map(s)))])
    }

    static func workloadObject(_ w: KubernetesWorkload, scenario: Scenario, nodes: [String]) -> Node {
        let podLabels = w.labels.isEmpty ? ["app": w.name] : w.labels
        let pin = LabelRequirement(key: "kubernetes.io/hostname", op: .in, values: nodes)
        var terms = (w.nodeAffinity?.required ?? []).map { NodeSelectorTerm(matchExpressions: $0.matchExpressions + (nodes.isEmpty ? [] : [pin])) }
        if terms.isEmpty && !nodes.isEmpty { terms = [NodeSelectorTerm(matchExpressions: [pin])] }
        let nodeAffinity = map([
            ("requiredDuringSchedulingIgnoredDuringExecution", terms.isEmpty ? nil : map([
                ("nodeSelectorTerms", seq(terms.map { map([("matchExpressions", seq($0.matchExpressions.map(expression)))]) })),
            ])),
            ("preferredDuringSchedulingIgnoredDuringExecution", (w.nodeAffinity?.preferred ?? []).isEmpty ? nil : seq(w.nodeAffinity!.preferred.map {
                map([("weight", i($0.weight)), ("preference", map([("matchExpressions", seq($0.term.matchExpressions.map(expression)))]))])
            })),
        ])
        let antiTerm: (PodAffinityTerm) -> Node = {
            map([("labelSelector", map([("matchLabels", labels($0.matchLabels))])), ("topologyKey", s($0.topologyKey))])
        }
        let required = w.podAntiAffinity.filter(\.required)
        let preferred = w.podAntiAffinity.filter { !$0.required }
        let podAntiAffinity: Node? = w.podAntiAffinity.isEmpty ? nil : map([
            ("requiredDuringSchedulingIgnoredDuringExecution", required.isEmpty ? nil : seq(required.map(antiTerm))),
            ("preferredDuringSchedulingIgnoredDuringExecution", preferred.isEmpty ? nil : seq(preferred.map {
                map([("weight", i($0.weight)), ("podAffinityTerm", antiTerm($0))])
            })),
        ])
        var resources: [(String, Node?)] = []
        for (key, list) in [("requests", w.requests), ("limits", w.limits)] {
            var parts: [(String, Node?)] = []
            if let cpu = list.cpu { parts.append(("cpu", s(cpu.description))) }
            if let memory = list.memory { parts.append(("memory", s(quantity(memory.bytes)))) }
            if !parts.isEmpty { resources.append((key, map(parts))) }
        }
        let container = map([
            ("name", s(w.name)), ("image", s(w.name)),
            ("resources", resources.isEmpty ? nil : map(resources)),
            ("volumeMounts", w.volumes.isEmpty ? nil : seq(w.volumes.map { map([("name", s($0.name)), ("mountPath", s("/data/\($0.name)"))]) })),
        ])
        let podSpec = map([
            ("affinity", map([("nodeAffinity", nodeAffinity), ("podAntiAffinity", podAntiAffinity)])),
            ("nodeSelector", w.nodeSelector.isEmpty ? nil : labels(w.nodeSelector)),
            ("tolerations", w.tolerations.isEmpty ? nil : seq(w.tolerations.map { t in
                map([
                    ("key", t.key.isEmpty ? nil : s(t.key)), ("operator", s(t.op.rawValue)),
                    ("value", t.value.isEmpty ? nil : s(t.value)), ("effect", t.effect.map { s($0.rawValue) }),
                    ("tolerationSeconds", t.tolerationSeconds.map(i)),
                ])
            })),
            ("topologySpreadConstraints", w.topologySpread.isEmpty ? nil : seq(w.topologySpread.map { c in
                map([
                    ("maxSkew", i(c.maxSkew)), ("topologyKey", s(c.topologyKey)), ("whenUnsatisfiable", s(c.whenUnsatisfiable.rawValue)),
                    ("labelSelector", map([("matchLabels", labels(c.matchLabels ?? podLabels))])),
                ])
            })),
            ("containers", seq([container])),
            ("volumes", w.kind == .statefulSet || w.volumes.isEmpty ? nil : seq(w.claimNames().map { claim in
                map([("name", s(claim.volume.name)), ("persistentVolumeClaim", map([("claimName", s(claim.name))]))])
            })),
        ])
        let metadata = map([("name", s(w.name)), ("namespace", s(w.namespace)), ("labels", labels(podLabels))])
        switch w.kind {
        case .pod:
            return map([("apiVersion", s("v1")), ("kind", s("Pod")), ("metadata", metadata), ("spec", podSpec)])
        case .deployment, .statefulSet:
            let template = map([("metadata", map([("labels", labels(podLabels))])), ("spec", podSpec)])
            let claimTemplates: Node? = w.kind == .statefulSet && !w.volumes.isEmpty ? seq(w.volumes.map { v in
                map([
                    ("metadata", map([("name", s(v.name))])),
                    ("spec", map([
                        ("accessModes", seq([s(v.accessMode.rawValue)])), ("storageClassName", s("")),
                        ("resources", map([("requests", map([("storage", s(quantity(v.size.bytes)))]))])),
                    ])),
                ])
            }) : nil
            return map([
                ("apiVersion", s("apps/v1")), ("kind", s(w.kind.rawValue)), ("metadata", metadata),
                ("spec", map([
                    ("replicas", i(w.replicas)), ("serviceName", w.kind == .statefulSet ? s(w.name) : nil),
                    ("selector", map([("matchLabels", labels(podLabels))])), ("template", template),
                    ("volumeClaimTemplates", claimTemplates),
                ])),
            ])
        }
    }

    // MARK: Proxmox

    /// A disk size as `qm` writes it: `200G`, `512M`, or `K`.
    static func qmSize(_ bytes: UInt64) -> String {
        if bytes % (1 << 30) == 0 { return "\(bytes >> 30)G" }
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20)M" }
        return "\((bytes + 1023) >> 10)K"
    }

    static func qmConfig(_ vm: VirtualMachine, node: String) -> String {
        var lines = [
            "boot: order=scsi0", "cores: \(vm.cores)", "memory: \(vm.memory.bytes >> 20)", "name: \(vm.name)",
            "net0: virtio,bridge=vmbr0", "ostype: l26",
        ]
        for (index, disk) in vm.disks.enumerated() {
            lines.append("scsi\(index): \(disk.pool):vm-\(vm.id)-disk-\(index),size=\(qmSize(disk.size.bytes))")
        }
        lines.append("scsihw: virtio-scsi-single")
        return "#\(vm.name): planned on \(node) by collective plan\n" + lines.sorted().joined(separator: "\n") + "\n"
    }

    static func haCommands(_ scenario: Scenario) -> String {
        var out = "#!/bin/sh\n# Proxmox HA resources and rules of scenario \(scenario.name) (pve-manager 9: ha-manager rules)\nset -e\n"
        var pairs: Set<String> = []
        for vm in scenario.workloads.vms {
            guard let ha = vm.ha else { continue }
            out += "ha-manager add vm:\(vm.id) --state \(ha.state.rawValue) --max_restart \(ha.maxRestart) --max_relocate \(ha.maxRelocate)\n"
        }
        for vm in scenario.workloads.vms {
            if let rule = vm.nodeAffinity {
                let nodes = rule.nodes.map { $0.priority == 0 ? $0.node : "\($0.node):\($0.priority)" }.joined(separator: ",")
                out += "ha-manager rules add node-affinity vm\(vm.id)-nodes --resources vm:\(vm.id) --nodes \(nodes) --strict \(rule.strict ? 1 : 0)\n"
            }
            for other in vm.antiAffinity {
                guard let o = scenario.workloads.vms.first(where: { $0.name == other }) else { continue }
                let ids = [vm.id, o.id].sorted()
                guard pairs.insert("\(ids[0])-\(ids[1])").inserted else { continue }
                out += "ha-manager rules add resource-affinity vm\(ids[0])-vm\(ids[1])-apart --resources vm:\(ids[0]),vm:\(ids[1]) --affinity negative\n"
            }
        }
        return out
    }
}
