import CRUSH
import Placement
import Testing

/// Reading `ceph osd df -f json` into capacity inputs.
@Suite("capacity: ceph osd df JSON")
struct CapacityReportTests {
    /// The shape Ceph 16.2.15 writes (`OSDUtilizationFormatDumper`); osd.1 has kb_used one less
    /// than kb − kb_avail, as `(total − available) >> 10` can give.
    static let json = """
        {"nodes":[
         {"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":1,"depth":2,
          "pool_weights":{},"reweight":1,"kb":1073741824,"kb_used":104857600,"kb_used_data":100000,
          "kb_used_omap":10,"kb_used_meta":1024,"kb_avail":968884224,"utilization":9.765625,"var":0.5,
          "pgs":10,"status":"up"},
         {"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":1,"depth":2,
          "pool_weights":{},"reweight":0.5,"kb":1073741824,"kb_used":314572799,"kb_used_data":0,
          "kb_used_omap":0,"kb_used_meta":0,"kb_avail":759169024,"utilization":29.2968,"var":1.5,
          "pgs":30,"status":"down"},
         {"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":2,"depth":2,
          "pool_weights":{},"reweight":0,"kb":0,"kb_used":0,"kb_used_data":0,"kb_used_omap":0,
          "kb_used_meta":0,"kb_avail":0,"utilization":0,"var":0,"pgs":0,"status":"up"}],
         "stray":[],
         "summary":{"total_kb":2147483648,"total_kb_used":419430399,"total_kb_used_data":100000,
          "total_kb_used_omap":10,"total_kb_used_meta":1024,"total_kb_avail":1728053248,
          "average_utilization":19.53,"min_var":0.5,"max_var":1.5,"dev":9.76}}
        """

    @Test("KiB figures come back exactly; reweight, status and PGs are kept")
    func read() throws {
        let report = try OSDDFReport(json: Self.json)
        #expect(report.osds.map(\.id) == [0, 1, 2])
        #expect(report.osds.map(\.reweight) == [0x10000, 0x8000, 0])
        #expect(report.osds.map(\.isUp) == [true, false, true])
        #expect(report.osds.map(\.pgCount) == [10, 30, 0])
        // kb, kb_avail and kb_used as Ceph computes them from the bytes:
        for (osd, (kb, avail, used)) in zip(report.osds, [
            (UInt64(1_073_741_824), UInt64(968_884_224), UInt64(104_857_600)),
            (1_073_741_824, 759_169_024, 314_572_799), (0, 0, 0),
        ]) {
            #expect(osd.totalBytes >> 10 == kb)
            #expect(osd.availableBytes >> 10 == avail)
            #expect(osd.usedRawBytes >> 10 == used)
        }
        #expect(report.minVariance == 0.5 && report.maxVariance == 1.5)
        #expect(report.totalKB == 2_147_483_648)
    }

    @Test("errors name the field")
    func errors() {
        #expect(throws: CapacityJSONError(path: "nodes[0].kb", reason: "missing")) {
            try OSDDFReport(json: #"{"nodes":[{"id":0,"reweight":1,"kb_used":0,"kb_avail":0}]}"#)
        }
        #expect(throws: CapacityJSONError(path: "nodes", reason: "missing")) { try OSDDFReport(json: "{}") }
        #expect(throws: CapacityJSONError(path: "nodes[0].kb", reason: "expected a number, found a string")) {
            try OSDDFReport(json: #"{"nodes":[{"id":0,"reweight":1,"kb":"x","kb_used":0,"kb_avail":0}]}"#)
        }
    }
}
