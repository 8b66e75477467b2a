/// The keys each mapping of a scenario file allows, in the order the documentation lists
/// them. `scenarios/schema.json` must list the same (a test compares them).
enum ScenarioKeys {
    static let document = ["name", "description", "seed", "fleet", "ceph", "services", "workloads", "timeline", "triggers", "readings", "expect"]
    static let fleet = ["hosts"]
    static let host = ["name", "role", "description", "cores", "threads", "ram", "nic", "arch", "location", "disks", "labels", "taints", "sensors"]
    static let location = ["room", "rack"]
    static let disk = ["name", "type", "class", "size", "fill", "weight", "osd", "reweight", "primary_affinity"]
    static let taint = ["key", "value", "effect"]
    static let sensor = ["name", "kind", "drains"]

    static let ceph = ["crush", "mons", "mgrs", "mds", "pools", "filesystems", "config", "upmaps"]
    static let upmap = ["pg", "items", "osds"]
    static let crush = ["import", "tunables"]
    static let pool = [
        "name", "id", "type", "size", "min_size", "k", "m", "pg_num", "pgp_num", "rule", "device_class",
        "failure_domain", "application", "stored", "growth_per_day",
    ]
    static let filesystem = ["name", "metadata_pool", "data_pools"]
    /// The applications a pool may name (`ceph osd pool application enable`).
    static let applications = ["rbd", "cephfs", "rgw", "mgr", "mgr_devicehealth", "nfs"]
    static let config = [
        "osd_max_backfills", "osd_recovery_max_active", "osd_recovery_max_active_hdd", "osd_recovery_max_active_ssd",
        "osd_recovery_bandwidth", "osd_heartbeat_grace", "mon_osd_down_out_interval", "mon_osd_down_out_subtree_limit",
        "mon_osd_full_ratio", "mon_osd_backfillfull_ratio", "mon_osd_nearfull_ratio", "osd_memory_target",
    ]

    static let services = ["proxmox", "k3s", "consul", "mqtt", "home_assistant"]
    static let proxmox = ["nodes", "qdevice"]
    static let k3s = ["servers", "agents", "datastore"]
    static let consul = ["servers", "clients"]
    static let singleHost = ["host"]

    static let workloads = ["storage_classes", "vms", "pods", "deployments", "statefulsets"]
    static let storageClass = ["name", "pool", "default"]
    static let vm = ["id", "name", "cores", "memory", "disks", "node", "ha", "affinity", "anti_affinity"]
    static let vmDisk = ["pool", "size"]
    static let ha = ["state", "max_restart", "max_relocate"]
    static let vmAffinity = ["nodes", "strict"]
    static let pod = [
        "name", "namespace", "labels", "requests", "limits", "node_selector", "node_affinity", "tolerations",
        "pod_anti_affinity", "topology_spread", "volumes",
    ]
    static let replicatedWorkload = Array(pod.prefix(2)) + ["replicas"] + Array(pod.dropFirst(2))
    static let resources = ["cpu", "memory"]
    static let nodeAffinity = ["required", "preferred"]
    static let nodeSelectorTerm = ["match_expressions"]
    static let preferredTerm = ["weight", "match_expressions"]
    static let labelRequirement = ["key", "operator", "values"]
    static let toleration = ["key", "operator", "value", "effect", "toleration_seconds"]
    static let podAffinityTerm = ["match_labels", "topology_key", "required", "weight"]
    static let topologySpread = ["max_skew", "topology_key", "when_unsatisfiable", "match_labels"]
    static let volume = ["name", "storage_class", "size", "access_mode"]

    static let eventCommon = ["at", "event", "note"]
    static let trigger = ["on", "then"]
    static let triggerCondition = ["topic", "field", "above", "below", "equals"]
    static let reading = ["at", "topic", "value"]
    static let expect = ["no_data_loss", "max_inactive_pgs", "healthy_within"]
}
