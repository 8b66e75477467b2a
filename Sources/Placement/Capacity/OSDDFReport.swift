import CRUSH

/// What `ceph osd df -f json` (Ceph 16.2.15, `OSDUtilizationFormatDumper`) says: the OSDs
/// with their stats, ready to feed the capacity figures, and Ceph's own summary to compare
/// them with.
///
/// Stats come in KiB. Each OSD becomes a `CapacityOSD` whose byte counts give back exactly
/// Ceph's `kb`, `kb_avail` and `kb_used` (`total = kb·1024`; `available = kb_avail·1024`, plus
/// one byte when `kb_used` is one less than `kb − kb_avail`, which the shifts of
/// `(total − available) >> 10` produce). An out OSD is listed with zero stats, so its real size
/// is unknown; it keeps size 0. Nodes that are buckets (tree form) are skipped.
public struct OSDDFReport: Sendable {
    public let osds: [CapacityOSD]
    /// Ceph's per-OSD %USE and VAR, by OSD id, as printed in the JSON.
    public let utilization: [Int32: Double]
    public let variance: [Int32: Double]
    /// The `summary` object: `average_utilization`, `min_var`, `max_var`, `dev`, totals in KiB.
    public let averageUtilization: Double
    public let minVariance: Double
    public let maxVariance: Double
    public let standardDeviation: Double
    public let totalKB: UInt64
    public let totalKBUsed: UInt64
    public let totalKBAvail: UInt64

    public init(json text: String) throws(CapacityJSONError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw CapacityJSONError(path: "", reason: error.description)
        }
        var osds: [CapacityOSD] = []
        var util: [Int32: Double] = [:]
        var vars: [Int32: Double] = [:]
        for section in ["nodes", "stray"] {
            guard let list = root[section] else {
                if section == "nodes" { throw CapacityJSONError(path: "nodes", reason: "missing") }
                continue
            }
            guard case .array(let nodes) = list else {
                throw CapacityJSONError(path: section, reason: "expected an array, found \(list.kindDescription)")
            }
            for (index, node) in nodes.enumerated() {
                let path = "\(section)[\(index)]"
                let id = try Self.int(node, "id", path)
                guard id >= 0 else { continue }  // a bucket (ceph osd df tree)
                guard let osdID = Int32(exactly: id) else {
                    throw CapacityJSONError(path: path + ".id", reason: "\(id) is not an OSD id")
                }
                let kb = try Self.uint(node, "kb", path)
                let kbUsed = try Self.uint(node, "kb_used", path)
                let kbAvail = try Self.uint(node, "kb_avail", path)
                let reweight = try Self.double(node, "reweight", path)
                guard reweight >= 0, reweight <= 65536 else {
                    throw CapacityJSONError(path: path + ".reweight", reason: "\(reweight) is not a reweight")
                }
                let status: String
                if case .string(let s)? = node["status"] { status = s } else { status = "up" }
                var osd = CapacityOSD(
                    id: osdID, totalBytes: kb << 10, usedBytes: 0,
                    reweight: UInt32((reweight * 65536).rounded()), isUp: status == "up",
                    pgCount: Int(try Self.uint(node, "pgs", path, default: 0)),
                    dataBytes: try Self.uint(node, "kb_used_data", path, default: 0) << 10,
                    omapBytes: try Self.uint(node, "kb_used_omap", path, default: 0) << 10,
                    metaBytes: try Self.uint(node, "kb_used_meta", path, default: 0) << 10)
                if case .number(let n)? = node["crush_weight"], let w = n.double, w.isFinite, w >= 0, w < 65536 {
                    osd.crushWeight = UInt32((w * 65536).rounded())
                }
                var available = kbAvail << 10
                if kb >= kbAvail, kbUsed + 1 == kb - kbAvail { available += 1 }
                osd.availableBytes = available
                osds.append(osd)
                if case .number(let n)? = node["utilization"], let d = n.double { util[osdID] = d }
                if case .number(let n)? = node["var"], let d = n.double { vars[osdID] = d }
            }
        }
        self.osds = osds
        self.utilization = util
        self.variance = vars
        let summary = root["summary"] ?? .object([])
        self.averageUtilization = try Self.double(summary, "average_utilization", "summary", default: 0)
        self.minVariance = try Self.double(summary, "min_var", "summary", default: -1)
        self.maxVariance = try Self.double(summary, "max_var", "summary", default: -1)
        self.standardDeviation = try Self.double(summary, "dev", "summary", default: 0)
        self.totalKB = try Self.uint(summary, "total_kb", "summary", default: 0)
        self.totalKBUsed = try Self.uint(summary, "total_kb_used", "summary", default: 0)
        self.totalKBAvail = try Self.uint(summary, "total_kb_avail", "summary", default: 0)
    }

    private static func int(_ node: JSONValue, _ key: String, _ path: String) throws(CapacityJSONError) -> Int64 {
        try CapacityJSON.int(node, key, path)
    }

    /// Sizes in KiB: below 2^53 so that 10 more bits of shift cannot overflow.
    private static func uint(_ node: JSONValue, _ key: String, _ path: String, default value: UInt64? = nil) throws(CapacityJSONError) -> UInt64 {
        try CapacityJSON.uint(node, key, path, default: value, max: (1 << 53) - 1)
    }

    private static func double(_ node: JSONValue, _ key: String, _ path: String, default value: Double? = nil) throws(CapacityJSONError) -> Double {
        try CapacityJSON.double(node, key, path, default: value)
    }
}
