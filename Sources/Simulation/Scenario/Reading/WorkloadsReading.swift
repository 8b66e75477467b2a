extension ScenarioReader {
    /// `workloads:` — storage classes, VMs and Kubernetes workloads. Only their fields and
    /// references are checked here; placing them is the schedulers' job.
    func readWorkloads(_ field: YAMLField) -> Workloads? {
        guard let m = field.mapping("workloads (storage_classes, vms, pods, deployments, statefulsets)", keys: ScenarioKeys.workloads) else { return nil }
        var workloads = Workloads()
        if let list = m.optional("storage_classes")?.list("a list of storage classes") {
            for item in list {
                if let sc = readStorageClass(item) { storageClasses.append(sc) }
            }
            let defaults = storageClasses.filter(\.isDefault)
            if defaults.count > 1 {
                list.last?.error("more than one default storage class: \(defaults.map(\.name).joined(separator: ", "))")
            }
            workloads.storageClasses = storageClasses
        }
        if let list = m.optional("vms")?.list("a list of VMs") {
            var antiAffinity: [(field: YAMLField, vm: String)] = []
            var seen: [(id: Int?, name: String?)] = []
            for item in list {
                let read = readVM(item, taken: seen)
                seen.append((read.id, read.name))
                if let vm = read.vm { workloads.vms.append(vm) }
                if let name = read.name { antiAffinity.append(contentsOf: read.antiAffinity.map { ($0, name) }) }
            }
            let names = seen.compactMap(\.name)
            for (ref, owner) in antiAffinity {
                guard let name = ref.string("a VM name") else { continue }
                if name == owner {
                    ref.error("a VM cannot be kept apart from itself")
                } else if !names.contains(name) {
                    ref.error("unknown VM \"\(name)\"" + Suggestion.hint(for: name, among: names))
                }
            }
        }
        var taken: [KubernetesWorkload] = []
        for (key, kind) in [("pods", KubernetesWorkload.Kind.pod), ("deployments", .deployment), ("statefulsets", .statefulSet)] {
            guard let list = m.optional(key)?.list("a list of \(kind.rawValue)s") else { continue }
            var result: [KubernetesWorkload] = []
            for item in list {
                if let w = readKubernetesWorkload(item, kind: kind, taken: taken) {
                    result.append(w)
                    taken.append(w)
                }
            }
            switch kind {
            case .pod: workloads.pods = result
            case .deployment: workloads.deployments = result
            case .statefulSet: workloads.statefulSets = result
            }
        }
        return workloads
    }

    private func readStorageClass(_ field: YAMLField) -> StorageClass? {
        guard let m = field.mapping("a storage class (name, pool, default)", keys: ScenarioKeys.storageClass) else { return nil }
        let nameField = m.required("name", "the class name")
        var name = nameField?.string("a storage class name")
        if let n = name, storageClasses.contains(where: { $0.name == n }) {
            nameField?.error("storage class \"\(n)\" is already defined")
            name = nil
        }
        let pool = m.required("pool", "the RBD pool its volumes live in").flatMap { poolReference($0) }
        if let pool, let app = pool.application, app != "rbd" {
            m.optional("pool")?.warning("pool \(pool.name) is for \(app), not rbd; ceph-csi RBD volumes need an rbd pool")
        }
        let isDefault = m.optional("default")?.bool() ?? false
        guard let name, let pool else { return nil }
        return StorageClass(name: name, pool: pool.name, isDefault: isDefault)
    }

    /// A VM, or nil when it has errors; its id, name and anti-affinity references either way
    /// (so that other VMs' references to it are not reported as unknown).
    private func readVM(_ field: YAMLField, taken: [(id: Int?, name: String?)]) -> (vm: VirtualMachine?, id: Int?, name: String?, antiAffinity: [YAMLField]) {
        guard let m = field.mapping("a VM (id, name, cores, memory, disks…)", keys: ScenarioKeys.vm) else { return (nil, nil, nil, []) }
        var ok = true
        let nameField = m.required("name", "the VM's name")
        let name = nameField?.string("a VM name")
        if let n = name, taken.contains(where: { $0.name == n }) {
            nameField?.error("VM \"\(n)\" is already defined")
            ok = false
        }
        let idField = m.required("id", "the VMID, 100 or more")
        let id = idField?.int(Int.self, "a VMID", in: 100...999_999_999)
        if let i = id, let other = taken.first(where: { $0.id == i }) {
            idField?.error("VMID \(i) is already " + (other.name ?? "taken"))
            ok = false
        }
        let cores = m.required("cores", "virtual CPUs")?.int(Int.self, "a number of cores", in: 1...4096)
        let memory = m.required("memory", "RAM, like 8GiB")?.size(allowZero: false, what: "a size like 8GiB")
        var disks: [VirtualDisk] = []
        if let list = m.optional("disks")?.list("a list of disks") {
            for item in list {
                guard let d = item.mapping("a disk (pool, size)", keys: ScenarioKeys.vmDisk) else { ok = false; continue }
                let pool = d.required("pool", "the RBD pool").flatMap { poolReference($0) }
                if let pool, let app = pool.application, app != "rbd" {
                    d.optional("pool")?.warning("pool \(pool.name) is for \(app), not rbd")
                }
                let size = d.required("size", "like 32GiB")?.size(allowZero: false)
                if let pool, let size { disks.append(VirtualDisk(pool: pool.name, size: size)) } else { ok = false }
            }
        }
        var node: String?
        if let nodeField = m.optional("node") {
            node = hostReference(nodeField)
            if node == nil { ok = false }
        }
        var ha: HAResource?
        if let haField = m.optional("ha"), let h = haField.mapping("HA settings (state, max_restart, max_relocate)", keys: ScenarioKeys.ha) {
            var resource = HAResource()
            if let s = h.optional("state")?.choice(HAState.self) { resource.state = s }
            if let f = h.optional("max_restart"), let v = f.int(Int.self, "a number", in: 0...100) { resource.maxRestart = v }
            if let f = h.optional("max_relocate"), let v = f.int(Int.self, "a number", in: 0...100) { resource.maxRelocate = v }
            ha = resource
        }
        var affinity: NodeAffinityRule?
        if let aField = m.optional("affinity"), let a = aField.mapping("a node-affinity rule (nodes, strict)", keys: ScenarioKeys.vmAffinity) {
            var nodes: [NodePriority] = []
            if let list = a.required("nodes", "node or node:priority entries")?.list("a list of nodes") {
                for item in list {
                    guard let text = item.string("a node or node:priority") else { ok = false; continue }
                    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                    var priority = 0
                    if parts.count == 2, let p = Int(parts[1]), p >= 0 {
                        priority = p
                    } else if parts.count != 1 {
                        item.expected("a node or node:priority (a priority is a whole number ≥ 0)")
                        ok = false
                        continue
                    }
                    let nodeName = String(parts[0])
                    if !hostNames.contains(nodeName) {
                        item.error("unknown host \"\(nodeName)\"" + Suggestion.hint(for: nodeName, among: hostNames))
                        ok = false
                        continue
                    }
                    nodes.append(NodePriority(node: nodeName, priority: priority))
                }
            }
            let strict = a.optional("strict")?.bool() ?? false
            affinity = NodeAffinityRule(nodes: nodes, strict: strict)
        }
        var antiFields: [YAMLField] = []
        var antiNames: [String] = []
        if let list = m.optional("anti_affinity")?.list("a list of VM names") {
            for item in list {
                if let n = item.string("a VM name") {
                    antiNames.append(n)
                    antiFields.append(item)
                }
            }
        }
        guard ok, let id, let name, let cores, let memory else { return (nil, id, name, antiFields) }
        let vm = VirtualMachine(
            id: id, name: name, cores: cores, memory: memory, disks: disks, node: node, ha: ha, nodeAffinity: affinity,
            antiAffinity: antiNames)
        return (vm, id, name, antiFields)
    }

    private func readKubernetesWorkload(_ field: YAMLField, kind: KubernetesWorkload.Kind, taken: [KubernetesWorkload]) -> KubernetesWorkload? {
        let keys = kind == .pod ? ScenarioKeys.pod : ScenarioKeys.replicatedWorkload
        guard let m = field.mapping("a \(kind.rawValue) (name, requests, …)", keys: keys) else { return nil }
        var ok = true
        let namespace = m.optional("namespace")?.string("a namespace") ?? "default"
        let nameField = m.required("name", "the \(kind.rawValue)'s name")
        var name = nameField?.string("a name")
        if let n = name, taken.contains(where: { $0.kind == kind && $0.name == n && $0.namespace == namespace }) {
            nameField?.error("\(kind.rawValue) \(namespace)/\(n) is already defined")
            name = nil
        }
        let replicas = kind == .pod ? 1 : (m.optional("replicas").map { $0.int(Int.self, "a number of replicas", in: 0...10_000) } ?? 1)
        let labels = readLabels(m.optional("labels"))
        let requests = m.optional("requests").flatMap { readResources($0) } ?? ResourceList()
        let limits = m.optional("limits").flatMap { readResources($0) } ?? ResourceList()
        if let r = requests.cpu, let l = limits.cpu, r > l {
            m.optional("requests")?.error("requests.cpu (\(r)) is more than limits.cpu (\(l))")
            ok = false
        }
        if let r = requests.memory, let l = limits.memory, r > l {
            m.optional("requests")?.error("requests.memory (\(r)) is more than limits.memory (\(l))")
            ok = false
        }
        let nodeSelector = readLabels(m.optional("node_selector"), checkingHostnames: true)
        let nodeAffinity = m.optional("node_affinity").flatMap { readNodeAffinity($0) }
        var tolerations: [Toleration] = []
        if let list = m.optional("tolerations")?.list("a list of tolerations") {
            tolerations = list.compactMap { readToleration($0) }
        }
        var antiAffinity: [PodAffinityTerm] = []
        if let list = m.optional("pod_anti_affinity")?.list("a list of pod anti-affinity terms") {
            antiAffinity = list.compactMap { readPodAffinityTerm($0) }
        }
        var spread: [TopologySpreadConstraint] = []
        if let list = m.optional("topology_spread")?.list("a list of topology spread constraints") {
            spread = list.compactMap { readTopologySpread($0) }
        }
        var volumes: [VolumeClaim] = []
        if let list = m.optional("volumes")?.list("a list of volumes") {
            for item in list {
                if let v = readVolume(item, taken: volumes.map(\.name)) { volumes.append(v) } else { ok = false }
            }
        }
        guard ok, let name, let replicas else { return nil }
        return KubernetesWorkload(
            kind: kind, name: name, namespace: namespace, replicas: replicas, labels: labels, requests: requests,
            limits: limits, nodeSelector: nodeSelector, nodeAffinity: nodeAffinity, tolerations: tolerations,
            podAntiAffinity: antiAffinity, topologySpread: spread, volumes: volumes)
    }

    /// Labels or a node selector; `kubernetes.io/hostname` values must be hosts.
    private func readLabels(_ field: YAMLField?, checkingHostnames: Bool = false) -> [String: String] {
        guard let field, let pairs = field.stringMap("a mapping of label names to values") else { return [:] }
        var result: [String: String] = [:]
        for pair in pairs {
            if checkingHostnames && pair.key == "kubernetes.io/hostname" && !hostNames.contains(pair.value) {
                field.error("unknown host \"\(pair.value)\" in kubernetes.io/hostname" + Suggestion.hint(for: pair.value, among: hostNames))
            }
            result[pair.key] = pair.value
        }
        return result
    }

    private func readResources(_ field: YAMLField) -> ResourceList? {
        guard let m = field.mapping("resources (cpu, memory)", keys: ScenarioKeys.resources) else { return nil }
        return ResourceList(cpu: m.optional("cpu")?.cpu(), memory: m.optional("memory")?.size(what: "a memory size like 512Mi or 2GiB"))
    }

    private func readNodeAffinity(_ field: YAMLField) -> NodeAffinity? {
        guard let m = field.mapping("node affinity (required, preferred)", keys: ScenarioKeys.nodeAffinity) else { return nil }
        var affinity = NodeAffinity()
        if let list = m.optional("required")?.list("a list of node selector terms") {
            for item in list {
                guard let t = item.mapping("a node selector term (match_expressions)", keys: ScenarioKeys.nodeSelectorTerm) else { continue }
                if let exprs = t.required("match_expressions", "label requirements")?.list("a list of label requirements") {
                    affinity.required.append(NodeSelectorTerm(matchExpressions: exprs.compactMap { readRequirement($0) }))
                }
            }
        }
        if let list = m.optional("preferred")?.list("a list of preferred terms") {
            for item in list {
                guard let t = item.mapping("a preferred term (weight, match_expressions)", keys: ScenarioKeys.preferredTerm) else { continue }
                let weight = t.required("weight", "1…100")?.int(Int.self, "a weight", in: 1...100)
                let exprs = t.required("match_expressions", "label requirements")?.list("a list of label requirements")
                if let weight, let exprs {
                    affinity.preferred.append(PreferredSchedulingTerm(weight: weight, term: NodeSelectorTerm(matchExpressions: exprs.compactMap { readRequirement($0) })))
                }
            }
        }
        return affinity
    }

    private func readRequirement(_ field: YAMLField) -> LabelRequirement? {
        guard let m = field.mapping("a label requirement (key, operator, values)", keys: ScenarioKeys.labelRequirement) else { return nil }
        let key = m.required("key", "a label name")?.string("a label name")
        let op = m.required("operator", "In, NotIn, Exists, DoesNotExist, Gt or Lt")?.choice(LabelOperator.self)
        var values: [String] = []
        if let list = m.optional("values")?.list("a list of values") {
            values = list.compactMap { $0.string("a value") }
        }
        guard let key, let op else { return nil }
        switch op {
        case .in, .notIn:
            if values.isEmpty { (m.optional("values") ?? m.field).error("\(op.rawValue) needs at least one value") ; return nil }
        case .exists, .doesNotExist:
            if !values.isEmpty { m.optional("values")?.error("\(op.rawValue) takes no values"); return nil }
        case .gt, .lt:
            if values.count != 1 || Int64(values[0]) == nil {
                (m.optional("values") ?? m.field).error("\(op.rawValue) needs exactly one integer value")
                return nil
            }
        }
        return LabelRequirement(key: key, op: op, values: values)
    }

    private func readToleration(_ field: YAMLField) -> Toleration? {
        guard let m = field.mapping("a toleration (key, operator, value, effect)", keys: ScenarioKeys.toleration) else { return nil }
        var t = Toleration()
        t.key = m.optional("key")?.string("a taint key") ?? ""
        t.op = m.optional("operator")?.choice(TolerationOperator.self) ?? .equal
        t.value = m.optional("value")?.string("a value") ?? ""
        t.effect = m.optional("effect")?.choice(TaintEffect.self)
        if let f = m.optional("toleration_seconds") { t.tolerationSeconds = f.int(Int.self, "seconds", in: 0...Int(Int32.max)) }
        if t.op == .exists && !t.value.isEmpty {
            m.optional("value")?.error("operator Exists takes no value")
            return nil
        }
        if t.op == .equal && t.key.isEmpty {
            m.field.error("an Equal toleration needs a key (use operator: Exists to tolerate everything)")
            return nil
        }
        if t.tolerationSeconds != nil && t.effect != .noExecute {
            m.optional("toleration_seconds")?.warning("toleration_seconds only matters for effect NoExecute")
        }
        return t
    }

    private func readPodAffinityTerm(_ field: YAMLField) -> PodAffinityTerm? {
        guard let m = field.mapping("a pod anti-affinity term (match_labels, topology_key, required, weight)", keys: ScenarioKeys.podAffinityTerm) else { return nil }
        let labels = m.required("match_labels", "the pods to keep apart from").map { readLabels($0) }
        let key = m.optional("topology_key")?.string("a node label name") ?? "kubernetes.io/hostname"
        let required = m.optional("required")?.bool() ?? true
        let weight = m.optional("weight").map { $0.int(Int.self, "a weight", in: 1...100) } ?? 100
        guard let labels, let weight else { return nil }
        return PodAffinityTerm(matchLabels: labels, topologyKey: key, required: required, weight: weight)
    }

    private func readTopologySpread(_ field: YAMLField) -> TopologySpreadConstraint? {
        guard let m = field.mapping("a topology spread constraint (max_skew, topology_key, …)", keys: ScenarioKeys.topologySpread) else { return nil }
        let skew = m.required("max_skew", "at least 1")?.int(Int.self, "a skew", in: 1...Int(Int32.max))
        let key = m.required("topology_key", "a node label name")?.string("a node label name")
        let when = m.optional("when_unsatisfiable")?.choice(WhenUnsatisfiable.self) ?? .doNotSchedule
        let labels = m.optional("match_labels").map { readLabels($0) }
        guard let skew, let key else { return nil }
        return TopologySpreadConstraint(maxSkew: skew, topologyKey: key, whenUnsatisfiable: when, matchLabels: labels)
    }

    private func readVolume(_ field: YAMLField, taken: [String]) -> VolumeClaim? {
        guard let m = field.mapping("a volume (name, storage_class, size, access_mode)", keys: ScenarioKeys.volume) else { return nil }
        let nameField = m.required("name", "the claim's name")
        var name = nameField?.string("a volume name")
        if let n = name, taken.contains(n) {
            nameField?.error("volume \"\(n)\" is already defined")
            name = nil
        }
        var storageClass: String?
        var ok = true
        if let scField = m.optional("storage_class") {
            storageClass = scField.string("a storage class name")
            if let sc = storageClass, !storageClasses.contains(where: { $0.name == sc }) {
                scField.error("unknown storage class \"\(sc)\"" + Suggestion.hint(for: sc, among: storageClasses.map(\.name)))
                ok = false
            }
        } else if !storageClasses.contains(where: \.isDefault) {
            m.field.error("no storage_class given and no storage class is the default")
            ok = false
        }
        let size = m.required("size", "like 10Gi")?.size(allowZero: false)
        let mode = m.optional("access_mode")?.choice(AccessMode.self) ?? .readWriteOnce
        if mode == .readWriteMany {
            m.optional("access_mode")?.warning("RBD block volumes are ReadWriteOnce; ReadWriteMany needs CephFS")
        }
        guard ok, let name, let size else { return nil }
        return VolumeClaim(name: name, storageClass: storageClass, size: size, accessMode: mode)
    }
}
