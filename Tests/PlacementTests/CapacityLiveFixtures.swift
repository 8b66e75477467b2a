// Generated from a throwaway Ceph 16.2.15 cluster (Debian 16.2.15+ds-0+deb12u2): 1 mon, 1 mgr,
// 3 OSDs on hosts a, b, c of 1, 1, 2 GiB (memstore) or 3, 3, 6 GiB (bluestore, sparse files),
// pools: rbd (replicated size 3, rule byhost), ecpool (EC k=2 m=1, failure domain host),
// two (replicated size 2), device_health_metrics (made by the mgr); 40 × 4 MiB objects in rbd,
// 20 × 3000000 B in ecpool, 10 × 1 MiB in two. Per snapshot:
//   ceph osd df -f json; ceph df detail -f json; ceph pg dump pools -f json; ceph osd dump -f json;
//   ceph osd getcrushmap; ceph osd df; ceph df (memstore) or ceph df detail (bluestore); (blue5) ceph osd pool autoscale-status -f json.
// pg dump pools and osd dump are trimmed to the fields the tests read; the rest is verbatim.
// Cluster settings that matter here: osd_objectstore memstore (memstore_device_bytes 1 GiB,
// 2 GiB for osd.2) or bluestore (bluestore_block_create, bluestore_block_size 3 GiB, 6 GiB for
// osd.2); crush_location root=default host=a|b|c per OSD; osd_pool_default_pg_autoscale_mode off;
// rule byhost = ceph osd crush rule create-replicated byhost default host; profile ec21 =
// k=2 m=1 crush-failure-domain=host; 5 omap keys of 3000 B on rbd objects (bluestore only).
enum CapacityLiveFixtures {
    /// `ceph osd getcrushmap` of the memstore cluster (identical in every snapshot).
    static let memCrush = "0000010008000000030000000300000005000000ffffffff0b0005000501000003000000fdfffffffbfffffff9ffffff41000000410000008300000005000000feffffff0b0005000501000003000000fcfffffffafffffff8ffffff41000000410000008300000005000000fdffffff010005004100000001000000000000004100000005000000fcffffff010005004100000001000000000000004100000005000000fbffffff010005004100000001000000010000004100000005000000faffffff010005004100000001000000010000004100000005000000f9ffffff010005008300000001000000020000008300000005000000f8ffffff010005008300000001000000020000008300000001000000030000000001010a01000000ffffffff0000000002000000000000000000000004000000000000000000000001000000030000000101010a01000000ffffffff0000000006000000000000000100000004000000000000000000000001000000050000000203030309000000050000000000000008000000640000000000000001000000ffffffff000000000700000000000000010000000400000000000000000000000c00000000000000030000006f73640100000004000000686f737402000000070000006368617373697303000000040000007261636b0400000003000000726f7705000000030000007064750600000003000000706f640700000004000000726f6f6d080000000a0000006461746163656e74657209000000040000007a6f6e650a00000006000000726567696f6e0b00000004000000726f6f740b000000f8ffffff05000000637e686464f9ffffff0100000063faffffff05000000627e686464fbffffff0100000062fcffffff05000000617e686464fdffffff0100000061feffffff0b00000064656661756c747e686464ffffffff0700000064656661756c7400000000050000006f73642e3001000000050000006f73642e3102000000050000006f73642e3203000000000000000f0000007265706c6963617465645f72756c6501000000060000006279686f737402000000060000006563706f6f6c000000000000000032000000010000000101360000000107000000f8ffffff00000000faffffff00000000fcffffff00000000feffffff0000000000000000000000000100000000000000020000000000000001000000000000000300000068646404000000f9ffffff0100000000000000f8fffffffbffffff0100000000000000fafffffffdffffff0100000000000000fcffffffffffffff0100000000000000feffffff00000000"
    /// `ceph osd getcrushmap` of the bluestore cluster (identical in every snapshot).
    static let blueCrush = "0000010008000000030000000300000005000000ffffffff0b000500fe02000003000000fdfffffffbfffffff9ffffffbe000000be0000008201000005000000feffffff0b000500fe02000003000000fcfffffffafffffff8ffffffbe000000be0000008201000005000000fdffffff01000500be0000000100000000000000be00000005000000fcffffff01000500be0000000100000000000000be00000005000000fbffffff01000500be0000000100000001000000be00000005000000faffffff01000500be0000000100000001000000be00000005000000f9ffffff010005008201000001000000020000008201000005000000f8ffffff010005008201000001000000020000008201000001000000030000000001010a01000000ffffffff0000000002000000000000000000000004000000000000000000000001000000030000000101010a01000000ffffffff0000000006000000000000000100000004000000000000000000000001000000050000000203030309000000050000000000000008000000640000000000000001000000ffffffff000000000700000000000000010000000400000000000000000000000c00000000000000030000006f73640100000004000000686f737402000000070000006368617373697303000000040000007261636b0400000003000000726f7705000000030000007064750600000003000000706f640700000004000000726f6f6d080000000a0000006461746163656e74657209000000040000007a6f6e650a00000006000000726567696f6e0b00000004000000726f6f740b000000f8ffffff05000000637e686464f9ffffff0100000063faffffff05000000627e686464fbffffff0100000062fcffffff05000000617e686464fdffffff0100000061feffffff0b00000064656661756c747e686464ffffffff0700000064656661756c7400000000050000006f73642e3001000000050000006f73642e3102000000050000006f73642e3203000000000000000f0000007265706c6963617465645f72756c6501000000060000006279686f737402000000060000006563706f6f6c000000000000000032000000010000000101360000000107000000f8ffffff00000000faffffff00000000fcffffff00000000feffffff0000000000000000000000000100000000000000020000000000000001000000000000000300000068646404000000f9ffffff0100000000000000f8fffffffbffffff0100000000000000fafffffffdffffff0100000000000000fcffffffffffffff0100000000000000feffffff00000000"

    struct Snapshot {
        var name: String
        var crushHex: String
        var osdDF: String
        var osdDFText: String
        var dfText: String
        var dfDetail: String
        var pgDumpPools: String
        var osdDump: String
        var autoscale: String?
    }

    static let snapshots: [Snapshot] = [
        // mem1: memstore, healthy after writes
        Snapshot(
            name: "mem1", crushHex: memCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":1,"kb":1048576,"kb_used":199416,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":849159,"utilization":19.017791748046875,"var":1.328784466329944,"pgs":37,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":1,"kb":1048576,"kb_used":197368,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":851207,"utilization":18.822479248046875,"var":1.3151378653197756,"pgs":37,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.0019989013671875,"depth":2,"pool_weights":{},"reweight":1,"kb":2097152,"kb_used":203512,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":1893639,"utilization":9.7042083740234375,"var":0.67803883417514021,"pgs":41,"status":"up"}],"stray":[],"summary":{"total_kb":4194304,"total_kb_used":600296,"total_kb_used_data":0,"total_kb_used_omap":0,"total_kb_used_meta":0,"total_kb_avail":3594007,"average_utilization":14.312171936035156,"min_var":0.67803883417514021,"max_var":1.328784466329944,"dev":4.6086533844067477}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE   RAW USE  DATA  OMAP  META  AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00099   1.00000  1 GiB  195 MiB   0 B   0 B   0 B  829 MiB  19.02  1.33   37      up
 1    hdd  0.00099   1.00000  1 GiB  193 MiB   0 B   0 B   0 B  831 MiB  18.82  1.32   37      up
 2    hdd  0.00200   1.00000  2 GiB  199 MiB   0 B   0 B   0 B  1.8 GiB   9.70  0.68   41      up
                       TOTAL  4 GiB  586 MiB   0 B   0 B   0 B  3.4 GiB  14.31                   
MIN/MAX VAR: 0.68/1.33  STDDEV: 4.61
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS   SIZE    AVAIL     USED  RAW USED  %RAW USED
hdd    4 GiB  3.4 GiB  586 MiB   586 MiB      14.31
TOTAL  4 GiB  3.4 GiB  586 MiB   586 MiB      14.31
 
--- POOLS ---
POOL                   ID  PGS   STORED  OBJECTS     USED  %USED  MAX AVAIL
device_health_metrics   1    1      0 B        0      0 B      0    1.0 GiB
rbd                     2   16  160 MiB       40  160 MiB   4.87    1.0 GiB
ecpool                  3   16   57 MiB       20   57 MiB   1.80    2.0 GiB
two                     4    8   10 MiB       10   10 MiB   0.32    1.5 GiB
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":4294967296,"total_avail_bytes":3680263568,"total_used_bytes":614703728,"total_used_raw_bytes":614703728,"total_used_raw_ratio":0.1431218683719635,"num_osds":3,"num_per_pool_osds":0,"num_per_pool_omap_osds":0},"stats_by_class":{"hdd":{"total_bytes":4294967296,"total_avail_bytes":3680263568,"total_used_bytes":614703728,"total_used_raw_bytes":614703728,"total_used_raw_ratio":0.1431218683719635}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":1091986176,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":3275958506}},{"name":"rbd","id":2,"stats":{"stored":167772160,"stored_data":167772160,"stored_omap":0,"objects":40,"kb_used":163840,"bytes_used":167772160,"data_bytes_used":167772160,"omap_bytes_used":0,"percent_used":0.048718143254518509,"max_avail":1091986176,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":40,"wr_bytes":167772160,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503316480,"avail_raw":3275958506}},{"name":"ecpool","id":3,"stats":{"stored":60000000,"stored_data":60000000,"stored_omap":0,"objects":20,"kb_used":58594,"bytes_used":60000000,"data_bytes_used":60000000,"omap_bytes_used":0,"percent_used":0.017985835671424866,"max_avail":2183972352,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90000000,"avail_raw":3275958506}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":10240,"bytes_used":10485760,"data_bytes_used":10485760,"omap_bytes_used":0,"percent_used":0.0031906093936413527,"max_avail":1637979264,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":3275958506}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // mem2: memstore, ceph osd reweight 1 0.5 (remapped)
        Snapshot(
            name: "mem2", crushHex: memCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":1,"kb":1048576,"kb_used":202946,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":845629,"utilization":19.354438781738281,"var":1.3522115874723906,"pgs":40,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":0.5,"kb":1048576,"kb_used":189462,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":859113,"utilization":18.068504333496094,"var":1.2623688655390797,"pgs":33,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.0019989013671875,"depth":2,"pool_weights":{},"reweight":1,"kb":2097152,"kb_used":207930,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":1889221,"utilization":9.9148750305175781,"var":0.69270977349426488,"pgs":42,"status":"up"}],"stray":[],"summary":{"total_kb":4194304,"total_kb_used":600340,"total_kb_used_data":0,"total_kb_used_omap":0,"total_kb_used_meta":0,"total_kb_avail":3593963,"average_utilization":14.313173294067383,"min_var":0.69270977349426488,"max_var":1.3522115874723906,"dev":4.5523901827578568}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE   RAW USE  DATA  OMAP  META  AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00099   1.00000  1 GiB  198 MiB   0 B   0 B   0 B  826 MiB  19.35  1.35   40      up
 1    hdd  0.00099   0.50000  1 GiB  185 MiB   0 B   0 B   0 B  839 MiB  18.07  1.26   33      up
 2    hdd  0.00200   1.00000  2 GiB  203 MiB   0 B   0 B   0 B  1.8 GiB   9.91  0.69   42      up
                       TOTAL  4 GiB  586 MiB   0 B   0 B   0 B  3.4 GiB  14.31                   
MIN/MAX VAR: 0.69/1.35  STDDEV: 4.55
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS   SIZE    AVAIL     USED  RAW USED  %RAW USED
hdd    4 GiB  3.4 GiB  586 MiB   586 MiB      14.31
TOTAL  4 GiB  3.4 GiB  586 MiB   586 MiB      14.31
 
--- POOLS ---
POOL                   ID  PGS   STORED  OBJECTS     USED  %USED  MAX AVAIL
device_health_metrics   1    1      0 B        0      0 B      0    1.0 GiB
rbd                     2   16  160 MiB       40  160 MiB   4.89    1.0 GiB
ecpool                  3   16   57 MiB       20   57 MiB   1.81    2.0 GiB
two                     4    8   10 MiB       10   10 MiB   0.32    1.5 GiB
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":4294967296,"total_avail_bytes":3680218442,"total_used_bytes":614748854,"total_used_raw_bytes":614748854,"total_used_raw_ratio":0.14313237369060516,"num_osds":3,"num_per_pool_osds":0,"num_per_pool_omap_osds":0},"stats_by_class":{"hdd":{"total_bytes":4294967296,"total_avail_bytes":3680218442,"total_used_bytes":614748854,"total_used_raw_bytes":614748854,"total_used_raw_ratio":0.14313237369060516}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":1087148032,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":3261444015}},{"name":"rbd","id":2,"stats":{"stored":167772160,"stored_data":167772160,"stored_omap":0,"objects":40,"kb_used":163840,"bytes_used":167772160,"data_bytes_used":167772160,"omap_bytes_used":0,"percent_used":0.048924345523118973,"max_avail":1087148032,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":40,"wr_bytes":167772160,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503316480,"avail_raw":3261444015}},{"name":"ecpool","id":3,"stats":{"stored":60000000,"stored_data":60000000,"stored_omap":0,"objects":20,"kb_used":58594,"bytes_used":60000000,"data_bytes_used":60000000,"omap_bytes_used":0,"percent_used":0.018064431846141815,"max_avail":2174296064,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90000000,"avail_raw":3261444015}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":10240,"bytes_used":10485760,"data_bytes_used":10485760,"omap_bytes_used":0,"percent_used":0.0032047631684690714,"max_avail":1630722048,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":3261444015}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // mem3: memstore, then ceph osd out 2
        Snapshot(
            name: "mem3", crushHex: memCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":1,"kb":1048576,"kb_used":207948,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":840627,"utilization":19.831466674804688,"var":1.023436654100184,"pgs":44,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":0.5,"kb":1048576,"kb_used":198424,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":850151,"utilization":18.923187255859375,"var":0.97656334589981597,"pgs":38,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.0019989013671875,"depth":2,"pool_weights":{},"reweight":0,"kb":0,"kb_used":0,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":0,"utilization":0,"var":0,"pgs":33,"status":"up"}],"stray":[],"summary":{"total_kb":2097152,"total_kb_used":406372,"total_kb_used_data":0,"total_kb_used_omap":0,"total_kb_used_meta":0,"total_kb_avail":1690779,"average_utilization":19.377326965332031,"min_var":0.97656334589981597,"max_var":1.023436654100184,"dev":0.45413970947265625}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE   RAW USE  DATA  OMAP  META  AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00099   1.00000  1 GiB  203 MiB   0 B   0 B   0 B  821 MiB  19.83  1.02   44      up
 1    hdd  0.00099   0.50000  1 GiB  194 MiB   0 B   0 B   0 B  830 MiB  18.92  0.98   38      up
 2    hdd  0.00200         0    0 B      0 B   0 B   0 B   0 B      0 B      0     0   33      up
                       TOTAL  2 GiB  397 MiB   0 B   0 B   0 B  1.6 GiB  19.38                   
MIN/MAX VAR: 0.98/1.02  STDDEV: 0.45
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS   SIZE    AVAIL     USED  RAW USED  %RAW USED
hdd    2 GiB  1.6 GiB  397 MiB   397 MiB      19.38
TOTAL  2 GiB  1.6 GiB  397 MiB   397 MiB      19.38
 
--- POOLS ---
POOL                   ID  PGS   STORED  OBJECTS     USED  %USED  MAX AVAIL
device_health_metrics   1    1      0 B        0      0 B      0    1.0 GiB
rbd                     2   16  160 MiB       40  160 MiB   4.92    1.0 GiB
ecpool                  3   16   57 MiB       20   57 MiB   1.82    2.0 GiB
two                     4    8   10 MiB       10   10 MiB   0.32    1.5 GiB
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":2147483648,"total_avail_bytes":1731358540,"total_used_bytes":416125108,"total_used_raw_bytes":416125108,"total_used_raw_ratio":0.19377335906028748,"num_osds":2,"num_per_pool_osds":0,"num_per_pool_omap_osds":0},"stats_by_class":{"hdd":{"total_bytes":2147483648,"total_avail_bytes":1731358540,"total_used_bytes":416125108,"total_used_raw_bytes":416125108,"total_used_raw_ratio":0.19377335906028748}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":1080292352,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":3240877021}},{"name":"rbd","id":2,"stats":{"stored":167772160,"stored_data":167772160,"stored_omap":0,"objects":40,"kb_used":163840,"bytes_used":167772160,"data_bytes_used":167772160,"omap_bytes_used":0,"percent_used":0.049219544976949692,"max_avail":1080292352,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":40,"wr_bytes":167772160,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503316480,"avail_raw":3240877021}},{"name":"ecpool","id":3,"stats":{"stored":60000000,"stored_data":60000000,"stored_omap":0,"objects":20,"kb_used":58594,"bytes_used":60000000,"data_bytes_used":60000000,"omap_bytes_used":0,"percent_used":0.018176987767219543,"max_avail":2160584704,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90000000,"avail_raw":3240877021}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":10240,"bytes_used":10485760,"data_bytes_used":10485760,"omap_bytes_used":0,"percent_used":0.0032250352669507265,"max_avail":1620438528,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":3240877021}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // mem4: memstore, osd.2 in, osd.1 reweight 1, then osd.1 killed (down, degraded)
        Snapshot(
            name: "mem4", crushHex: memCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":1,"kb":1048576,"kb_used":199481,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":849094,"utilization":19.023990631103516,"var":1.3288058592930345,"pgs":37,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.0009918212890625,"depth":2,"pool_weights":{},"reweight":1,"kb":1048576,"kb_used":197424,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":851151,"utilization":18.82781982421875,"var":1.3151035334947592,"pgs":0,"status":"down"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.0019989013671875,"depth":2,"pool_weights":{},"reweight":1,"kb":2097152,"kb_used":203577,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":1893574,"utilization":9.7073078155517578,"var":0.67804530360610304,"pgs":41,"status":"up"}],"stray":[],"summary":{"total_kb":4194304,"total_kb_used":600483,"total_kb_used_data":0,"total_kb_used_omap":0,"total_kb_used_meta":0,"total_kb_avail":3593820,"average_utilization":14.316606521606445,"min_var":0.67804530360610304,"max_var":1.3288058592930345,"dev":4.6099944026592619}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE   RAW USE  DATA  OMAP  META  AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00099   1.00000  1 GiB  195 MiB   0 B   0 B   0 B  829 MiB  19.02  1.33   37      up
 1    hdd  0.00099   1.00000  1 GiB  193 MiB   0 B   0 B   0 B  831 MiB  18.83  1.32    0    down
 2    hdd  0.00200   1.00000  2 GiB  199 MiB   0 B   0 B   0 B  1.8 GiB   9.71  0.68   41      up
                       TOTAL  4 GiB  586 MiB   0 B   0 B   0 B  3.4 GiB  14.32                   
MIN/MAX VAR: 0.68/1.33  STDDEV: 4.61
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS   SIZE    AVAIL     USED  RAW USED  %RAW USED
hdd    4 GiB  3.4 GiB  586 MiB   586 MiB      14.32
TOTAL  4 GiB  3.4 GiB  586 MiB   586 MiB      14.32
 
--- POOLS ---
POOL                   ID  PGS   STORED  OBJECTS     USED  %USED  MAX AVAIL
device_health_metrics   1    1      0 B        0      0 B      0    1.0 GiB
rbd                     2   16  160 MiB       40  160 MiB   4.87    1.5 GiB
ecpool                  3   16   57 MiB       20   57 MiB   1.80    3.1 GiB
two                     4    8   10 MiB       10   10 MiB   0.32    1.9 GiB
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":4294967296,"total_avail_bytes":3680071996,"total_used_bytes":614895300,"total_used_raw_bytes":614895300,"total_used_raw_ratio":0.14316646754741669,"num_osds":3,"num_per_pool_osds":0,"num_per_pool_omap_osds":0},"stats_by_class":{"hdd":{"total_bytes":4294967296,"total_avail_bytes":3680071996,"total_used_bytes":614895300,"total_used_raw_bytes":614895300,"total_used_raw_ratio":0.14316646754741669}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":1091897088,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":3275691242}},{"name":"rbd","id":2,"stats":{"stored":167772160,"stored_data":167772160,"stored_omap":0,"objects":40,"kb_used":163840,"bytes_used":167772160,"data_bytes_used":167772160,"omap_bytes_used":0,"percent_used":0.048721924424171448,"max_avail":1637845632,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":40,"wr_bytes":167772160,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":335544320,"avail_raw":3275691242}},{"name":"ecpool","id":3,"stats":{"stored":60000000,"stored_data":60000000,"stored_omap":0,"objects":20,"kb_used":58594,"bytes_used":60000000,"data_bytes_used":60000000,"omap_bytes_used":0,"percent_used":0.017987275496125221,"max_avail":3275691264,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":60000000,"avail_raw":3275691242}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":10240,"bytes_used":10485760,"data_bytes_used":10485760,"omap_bytes_used":0,"percent_used":0.0031908687669783831,"max_avail":2047307008,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":16777216,"avail_raw":3275691242}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":4,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":20,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":40,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // blue1: bluestore, healthy after writes and 5 omap keys
        Snapshot(
            name: "blue1", crushHex: blueCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":496664,"kb_used_data":199568,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2649064,"utilization":15.788523356119791,"var":1.3315031768585293,"pgs":37,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":494616,"kb_used_data":197520,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2651112,"utilization":15.723419189453125,"var":1.326012707434117,"pgs":37,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.005889892578125,"depth":2,"pool_weights":{},"reweight":1,"kb":6291456,"kb_used":500760,"kb_used_data":203664,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":5790696,"utilization":7.9593658447265625,"var":0.67124205785367685,"pgs":41,"status":"up"}],"stray":[],"summary":{"total_kb":12582912,"total_kb_used":1492040,"total_kb_used_data":600752,"total_kb_used_omap":0,"total_kb_used_meta":891264,"total_kb_avail":11090872,"average_utilization":11.85766855875651,"min_var":0.67124205785367685,"max_var":1.3315031768585293,"dev":3.8983933197706997}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE    RAW USE  DATA     OMAP  META     AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00290   1.00000   3 GiB  485 MiB  195 MiB   0 B  290 MiB  2.5 GiB  15.79  1.33   37      up
 1    hdd  0.00290   1.00000   3 GiB  483 MiB  193 MiB   0 B  290 MiB  2.5 GiB  15.72  1.33   37      up
 2    hdd  0.00589   1.00000   6 GiB  489 MiB  199 MiB   0 B  290 MiB  5.5 GiB   7.96  0.67   41      up
                       TOTAL  12 GiB  1.4 GiB  587 MiB   0 B  870 MiB   11 GiB  11.86                   
MIN/MAX VAR: 0.67/1.33  STDDEV: 3.90
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS    SIZE   AVAIL     USED  RAW USED  %RAW USED
hdd    12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.86
TOTAL  12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.86
 
--- POOLS ---
POOL                   ID  PGS   STORED   (DATA)  (OMAP)  OBJECTS     USED   (DATA)  (OMAP)  %USED  MAX AVAIL  QUOTA OBJECTS  QUOTA BYTES  DIRTY  USED COMPR  UNDER COMPR
device_health_metrics   1    1      0 B      0 B     0 B        0      0 B      0 B     0 B      0    3.2 GiB            N/A          N/A    N/A         0 B          0 B
rbd                     2   16  160 MiB  160 MiB     0 B       40  480 MiB  480 MiB     0 B   4.66    3.2 GiB            N/A          N/A    N/A         0 B          0 B
ecpool                  3   16   57 MiB   57 MiB     0 B       20   86 MiB   86 MiB     0 B   0.87    6.4 GiB            N/A          N/A    N/A         0 B          0 B
two                     4    8   10 MiB   10 MiB     0 B       10   20 MiB   20 MiB     0 B   0.20    4.8 GiB            N/A          N/A    N/A         0 B          0 B
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":12884901888,"total_avail_bytes":11357052928,"total_used_bytes":1527848960,"total_used_raw_bytes":1527848960,"total_used_raw_ratio":0.11857668310403824,"num_osds":3,"num_per_pool_osds":3,"num_per_pool_omap_osds":3},"stats_by_class":{"hdd":{"total_bytes":12884901888,"total_avail_bytes":11357052928,"total_used_bytes":1527848960,"total_used_raw_bytes":1527848960,"total_used_raw_ratio":0.11857668310403824}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":3428965632,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":10286896974}},{"name":"rbd","id":2,"stats":{"stored":167772160,"stored_data":167772160,"stored_omap":0,"objects":40,"kb_used":491520,"bytes_used":503316480,"data_bytes_used":503316480,"omap_bytes_used":0,"percent_used":0.046645645052194595,"max_avail":3428965632,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":45,"wr_bytes":167787520,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503316480,"avail_raw":10286896974}},{"name":"ecpool","id":3,"stats":{"stored":60129280,"stored_data":60129280,"stored_omap":0,"objects":20,"kb_used":88080,"bytes_used":90193920,"data_bytes_used":90193920,"omap_bytes_used":0,"percent_used":0.0086916377767920494,"max_avail":6857931264,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90193920,"avail_raw":10286896974}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":20480,"bytes_used":20971520,"data_bytes_used":20971520,"omap_bytes_used":0,"percent_used":0.0020345156081020832,"max_avail":5143448576,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":10286896974}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":20971520,"allocated":20971520,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":90193920,"allocated":90193920,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":503316480,"allocated":503316480,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // blue2: bluestore, ceph osd reweight 1 0.5
        Snapshot(
            name: "blue2", crushHex: blueCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":500216,"kb_used_data":203120,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2645512,"utilization":15.901438395182291,"var":1.3409286478284996,"pgs":40,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":0.5,"kb":3145728,"kb_used":486732,"kb_used_data":189636,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2658996,"utilization":15.472793579101562,"var":1.3047820993627979,"pgs":33,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.005889892578125,"depth":2,"pool_weights":{},"reweight":1,"kb":6291456,"kb_used":505200,"kb_used_data":208104,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":5786256,"utilization":8.029937744140625,"var":0.67714462640435136,"pgs":42,"status":"up"}],"stray":[],"summary":{"total_kb":12582912,"total_kb_used":1492148,"total_kb_used_data":600860,"total_kb_used_omap":0,"total_kb_used_meta":891264,"total_kb_avail":11090764,"average_utilization":11.858526865641275,"min_var":0.67714462640435136,"max_var":1.3409286478284996,"dev":3.8747743281374367}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE    RAW USE  DATA     OMAP  META     AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00290   1.00000   3 GiB  488 MiB  198 MiB   0 B  290 MiB  2.5 GiB  15.90  1.34   40      up
 1    hdd  0.00290   0.50000   3 GiB  475 MiB  185 MiB   0 B  290 MiB  2.5 GiB  15.47  1.30   33      up
 2    hdd  0.00589   1.00000   6 GiB  493 MiB  203 MiB   0 B  290 MiB  5.5 GiB   8.03  0.68   42      up
                       TOTAL  12 GiB  1.4 GiB  587 MiB   0 B  870 MiB   11 GiB  11.86                   
MIN/MAX VAR: 0.68/1.34  STDDEV: 3.87
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS    SIZE   AVAIL     USED  RAW USED  %RAW USED
hdd    12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.86
TOTAL  12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.86
 
--- POOLS ---
POOL                   ID  PGS   STORED   (DATA)  (OMAP)  OBJECTS     USED   (DATA)  (OMAP)  %USED  MAX AVAIL  QUOTA OBJECTS  QUOTA BYTES  DIRTY  USED COMPR  UNDER COMPR
device_health_metrics   1    1      0 B      0 B     0 B        0      0 B      0 B     0 B      0    3.2 GiB            N/A          N/A    N/A         0 B          0 B
rbd                     2   16  160 MiB  160 MiB     0 B       40  480 MiB  480 MiB     0 B   4.67    3.2 GiB            N/A          N/A    N/A         0 B          0 B
ecpool                  3   16   57 MiB   57 MiB     0 B       20   86 MiB   86 MiB     0 B   0.87    6.4 GiB            N/A          N/A    N/A         0 B          0 B
two                     4    8   10 MiB   10 MiB     0 B       10   20 MiB   20 MiB     0 B   0.20    4.8 GiB            N/A          N/A    N/A         0 B          0 B
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":12884901888,"total_avail_bytes":11356942336,"total_used_bytes":1527959552,"total_used_raw_bytes":1527959552,"total_used_raw_ratio":0.11858526617288589,"num_osds":3,"num_per_pool_osds":3,"num_per_pool_omap_osds":3},"stats_by_class":{"hdd":{"total_bytes":12884901888,"total_avail_bytes":11356942336,"total_used_bytes":1527959552,"total_used_raw_bytes":1527959552,"total_used_raw_ratio":0.11858526617288589}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":3424077824,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":10272233122}},{"name":"rbd","id":2,"stats":{"stored":167772160,"stored_data":167772160,"stored_omap":0,"objects":40,"kb_used":491520,"bytes_used":503316480,"data_bytes_used":503316480,"omap_bytes_used":0,"percent_used":0.046709123998880386,"max_avail":3424077824,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":45,"wr_bytes":167787520,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503316480,"avail_raw":10272233122}},{"name":"ecpool","id":3,"stats":{"stored":60129280,"stored_data":60129280,"stored_omap":0,"objects":20,"kb_used":88080,"bytes_used":90193920,"data_bytes_used":90193920,"omap_bytes_used":0,"percent_used":0.008703937754034996,"max_avail":6848155648,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90193920,"avail_raw":10272233122}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":20480,"bytes_used":20971520,"data_bytes_used":20971520,"omap_bytes_used":0,"percent_used":0.0020374141167849302,"max_avail":5136116736,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":10272233122}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":20971520,"allocated":20971520,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":90193920,"allocated":90193920,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":503316480,"allocated":503316480,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // blue3: bluestore, then ceph osd out 2
        Snapshot(
            name: "blue3", crushHex: blueCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":505236,"kb_used_data":208140,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2640492,"utilization":16.061019897460938,"var":1.0095149797991505,"pgs":44,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":0.5,"kb":3145728,"kb_used":495712,"kb_used_data":198616,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2650016,"utilization":15.758260091145834,"var":0.99048502020084972,"pgs":38,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.005889892578125,"depth":2,"pool_weights":{},"reweight":0,"kb":0,"kb_used":0,"kb_used_data":0,"kb_used_omap":0,"kb_used_meta":0,"kb_avail":0,"utilization":0,"var":0,"pgs":33,"status":"up"}],"stray":[],"summary":{"total_kb":6291456,"total_kb_used":1000948,"total_kb_used_data":406756,"total_kb_used_omap":0,"total_kb_used_meta":594176,"total_kb_avail":5290508,"average_utilization":15.909639994303385,"min_var":0.99048502020084972,"max_var":1.0095149797991505,"dev":0.15137990315755209}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE   RAW USE  DATA     OMAP  META     AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00290   1.00000  3 GiB  493 MiB  203 MiB   0 B  290 MiB  2.5 GiB  16.06  1.01   44      up
 1    hdd  0.00290   0.50000  3 GiB  484 MiB  194 MiB   0 B  290 MiB  2.5 GiB  15.76  0.99   38      up
 2    hdd  0.00589         0    0 B      0 B      0 B   0 B      0 B      0 B      0     0   33      up
                       TOTAL  6 GiB  977 MiB  397 MiB   0 B  580 MiB  5.0 GiB  15.91                   
MIN/MAX VAR: 0.99/1.01  STDDEV: 0.15
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS   SIZE    AVAIL     USED  RAW USED  %RAW USED
hdd    6 GiB  5.0 GiB  977 MiB   977 MiB      15.91
TOTAL  6 GiB  5.0 GiB  977 MiB   977 MiB      15.91
 
--- POOLS ---
POOL                   ID  PGS   STORED   (DATA)  (OMAP)  OBJECTS     USED   (DATA)  (OMAP)  %USED  MAX AVAIL  QUOTA OBJECTS  QUOTA BYTES  DIRTY  USED COMPR  UNDER COMPR
device_health_metrics   1    1      0 B      0 B     0 B        0      0 B      0 B     0 B      0    3.2 GiB            N/A          N/A    N/A         0 B          0 B
rbd                     2   16  160 MiB  160 MiB     0 B       40  480 MiB  480 MiB     0 B   4.68    3.2 GiB            N/A          N/A    N/A         0 B          0 B
ecpool                  3   16   57 MiB   57 MiB     0 B       20   86 MiB   86 MiB     0 B   0.87    6.4 GiB            N/A          N/A    N/A         0 B          0 B
two                     4    8   10 MiB   10 MiB     0 B       10   20 MiB   20 MiB     0 B   0.20    4.8 GiB            N/A          N/A    N/A         0 B          0 B
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":6442450944,"total_avail_bytes":5417480192,"total_used_bytes":1024970752,"total_used_raw_bytes":1024970752,"total_used_raw_ratio":0.15909640491008759,"num_osds":2,"num_per_pool_osds":2,"num_per_pool_omap_osds":2},"stats_by_class":{"hdd":{"total_bytes":6442450944,"total_avail_bytes":5417480192,"total_used_bytes":1024970752,"total_used_raw_bytes":1024970752,"total_used_raw_ratio":0.15909640491008759}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":3417169664,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":10251508871}},{"name":"rbd","id":2,"stats":{"stored":167772160,"stored_data":167772160,"stored_omap":0,"objects":40,"kb_used":491520,"bytes_used":503316480,"data_bytes_used":503316480,"omap_bytes_used":0,"percent_used":0.046799130737781525,"max_avail":3417169664,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":45,"wr_bytes":167787520,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503316480,"avail_raw":10251508871}},{"name":"ecpool","id":3,"stats":{"stored":60129280,"stored_data":60129280,"stored_omap":0,"objects":20,"kb_used":88080,"bytes_used":90193920,"data_bytes_used":90193920,"omap_bytes_used":0,"percent_used":0.0087213804945349693,"max_avail":6834339328,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90193920,"avail_raw":10251508871}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":20480,"bytes_used":20971520,"data_bytes_used":20971520,"omap_bytes_used":0,"percent_used":0.0020415245089679956,"max_avail":5125754368,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":10251508871}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":20971520,"allocated":20971520,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":90193920,"allocated":90193920,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":503316480,"allocated":503316480,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // blue4: bluestore, osd.2 in, osd.1 reweight 1, then osd.1 killed (down, degraded)
        Snapshot(
            name: "blue4", crushHex: blueCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":496808,"kb_used_data":199712,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2648920,"utilization":15.793100992838541,"var":1.3315251184630887,"pgs":37,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":494736,"kb_used_data":197640,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2650992,"utilization":15.72723388671875,"var":1.3259718261540772,"pgs":0,"status":"down"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.005889892578125,"depth":2,"pool_weights":{},"reweight":1,"kb":6291456,"kb_used":500904,"kb_used_data":203808,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":5790552,"utilization":7.9616546630859375,"var":0.67125152769141705,"pgs":41,"status":"up"}],"stray":[],"summary":{"total_kb":12582912,"total_kb_used":1492448,"total_kb_used_data":601160,"total_kb_used_omap":0,"total_kb_used_meta":891264,"total_kb_avail":11090464,"average_utilization":11.860911051432291,"min_var":0.67125152769141705,"max_var":1.3315251184630887,"dev":3.8993491073944577}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE    RAW USE  DATA     OMAP  META     AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00290   1.00000   3 GiB  485 MiB  195 MiB   0 B  290 MiB  2.5 GiB  15.79  1.33   37      up
 1    hdd  0.00290   1.00000   3 GiB  483 MiB  193 MiB   0 B  290 MiB  2.5 GiB  15.73  1.33    0    down
 2    hdd  0.00589   1.00000   6 GiB  489 MiB  199 MiB   0 B  290 MiB  5.5 GiB   7.96  0.67   41      up
                       TOTAL  12 GiB  1.4 GiB  587 MiB   0 B  870 MiB   11 GiB  11.86                   
MIN/MAX VAR: 0.67/1.33  STDDEV: 3.90
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS    SIZE   AVAIL     USED  RAW USED  %RAW USED
hdd    12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.86
TOTAL  12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.86
 
--- POOLS ---
POOL                   ID  PGS   STORED   (DATA)  (OMAP)  OBJECTS     USED   (DATA)  (OMAP)  %USED  MAX AVAIL  QUOTA OBJECTS  QUOTA BYTES  DIRTY  USED COMPR  UNDER COMPR
device_health_metrics   1    1      0 B      0 B     0 B        0      0 B      0 B     0 B      0    3.2 GiB            N/A          N/A    N/A         0 B          0 B
rbd                     2   16  240 MiB  240 MiB     0 B       40  480 MiB  480 MiB     0 B   4.66    4.8 GiB            N/A          N/A    N/A         0 B          0 B
ecpool                  3   16   86 MiB   86 MiB     0 B       20   86 MiB   86 MiB     0 B   0.87    9.6 GiB            N/A          N/A    N/A         0 B          0 B
two                     4    8   12 MiB   12 MiB     0 B       10   20 MiB   20 MiB     0 B   0.20    6.0 GiB            N/A          N/A    N/A         0 B          0 B
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":12884901888,"total_avail_bytes":11356635136,"total_used_bytes":1528266752,"total_used_raw_bytes":1528266752,"total_used_raw_ratio":0.11860910803079605,"num_osds":3,"num_per_pool_osds":3,"num_per_pool_omap_osds":3},"stats_by_class":{"hdd":{"total_bytes":12884901888,"total_avail_bytes":11356635136,"total_used_bytes":1528266752,"total_used_raw_bytes":1528266752,"total_used_raw_ratio":0.11860910803079605}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":3428767488,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":10286302494}},{"name":"rbd","id":2,"stats":{"stored":251658240,"stored_data":251658240,"stored_omap":0,"objects":40,"kb_used":491520,"bytes_used":503316480,"data_bytes_used":503316480,"omap_bytes_used":0,"percent_used":0.046648219227790833,"max_avail":5143151104,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":45,"wr_bytes":167787520,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503316480,"avail_raw":10286302494}},{"name":"ecpool","id":3,"stats":{"stored":90193920,"stored_data":90193920,"stored_omap":0,"objects":20,"kb_used":88080,"bytes_used":90193920,"data_bytes_used":90193920,"omap_bytes_used":0,"percent_used":0.0086921360343694687,"max_avail":10286302208,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90193920,"avail_raw":10286302494}},{"name":"two","id":4,"stats":{"stored":13107200,"stored_data":13107200,"stored_omap":0,"objects":10,"kb_used":20480,"bytes_used":20971520,"data_bytes_used":20971520,"omap_bytes_used":0,"percent_used":0.0020346329547464848,"max_avail":6428938752,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":10286302494}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":4,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":20971520,"allocated":20971520,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":20,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":90193920,"allocated":90193920,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":40,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":503316480,"allocated":503316480,"omap_allocated":0}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
        // blue5: bluestore, osd.1 restarted; rbd target_size_ratio 0.5 bias 2, two target_size_bytes 1 GiB, ecpool bulk + warn
        Snapshot(
            name: "blue5", crushHex: blueCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":496904,"kb_used_data":199808,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2648824,"utilization":15.796152750651041,"var":1.3308764054573794,"pgs":37,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":495560,"kb_used_data":197760,"kb_used_omap":17,"kb_used_meta":297774,"kb_avail":2650168,"utilization":15.753428141276041,"var":1.3272767204298195,"pgs":37,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.005889892578125,"depth":2,"pool_weights":{},"reweight":1,"kb":6291456,"kb_used":501000,"kb_used_data":203904,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":5790456,"utilization":7.9631805419921875,"var":0.67092343705640034,"pgs":41,"status":"up"}],"stray":[],"summary":{"total_kb":12582912,"total_kb_used":1493464,"total_kb_used_data":601472,"total_kb_used_omap":17,"total_kb_used_meta":891950,"total_kb_avail":11089448,"average_utilization":11.868985493977865,"min_var":0.67092343705640034,"max_var":1.3308764054573794,"dev":3.9058438979299814}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE    RAW USE  DATA     OMAP    META     AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00290   1.00000   3 GiB  485 MiB  195 MiB     0 B  290 MiB  2.5 GiB  15.80  1.33   37      up
 1    hdd  0.00290   1.00000   3 GiB  484 MiB  193 MiB  17 KiB  291 MiB  2.5 GiB  15.75  1.33   37      up
 2    hdd  0.00589   1.00000   6 GiB  489 MiB  199 MiB     0 B  290 MiB  5.5 GiB   7.96  0.67   41      up
                       TOTAL  12 GiB  1.4 GiB  587 MiB  18 KiB  871 MiB   11 GiB  11.87                   
MIN/MAX VAR: 0.67/1.33  STDDEV: 3.91
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS    SIZE   AVAIL     USED  RAW USED  %RAW USED
hdd    12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.87
TOTAL  12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.87
 
--- POOLS ---
POOL                   ID  PGS   STORED   (DATA)   (OMAP)  OBJECTS     USED   (DATA)  (OMAP)  %USED  MAX AVAIL  QUOTA OBJECTS  QUOTA BYTES  DIRTY  USED COMPR  UNDER COMPR
device_health_metrics   1    1      0 B      0 B      0 B        0      0 B      0 B     0 B      0    3.2 GiB            N/A          N/A    N/A         0 B          0 B
rbd                     2   16  160 MiB  160 MiB  5.9 KiB       40  480 MiB  480 MiB  18 KiB   4.67    3.2 GiB            N/A          N/A    N/A         0 B          0 B
ecpool                  3   16   57 MiB   57 MiB      0 B       20   86 MiB   86 MiB     0 B   0.87    6.4 GiB            N/A          N/A    N/A         0 B          0 B
two                     4    8   10 MiB   10 MiB      0 B       10   20 MiB   20 MiB     0 B   0.20    4.8 GiB            N/A          N/A    N/A         0 B          0 B
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":12884901888,"total_avail_bytes":11355594752,"total_used_bytes":1529307136,"total_used_raw_bytes":1529307136,"total_used_raw_ratio":0.11868985742330551,"num_osds":3,"num_per_pool_osds":3,"num_per_pool_omap_osds":3},"stats_by_class":{"hdd":{"total_bytes":12884901888,"total_avail_bytes":11355594752,"total_used_bytes":1529307136,"total_used_raw_bytes":1529307136,"total_used_raw_ratio":0.11868985742330551}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":3428635392,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":10285906174}},{"name":"rbd","id":2,"stats":{"stored":167778236,"stored_data":167772160,"stored_omap":6076,"objects":40,"kb_used":491538,"bytes_used":503334710,"data_bytes_used":503316480,"omap_bytes_used":18230,"percent_used":0.046651542186737061,"max_avail":3428635392,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":45,"wr_bytes":167787520,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503334720,"avail_raw":10285906174}},{"name":"ecpool","id":3,"stats":{"stored":60129280,"stored_data":60129280,"stored_omap":0,"objects":20,"kb_used":88080,"bytes_used":90193920,"data_bytes_used":90193920,"omap_bytes_used":0,"percent_used":0.0086924685165286064,"max_avail":6857270784,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":20,"wr_bytes":60006400,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90193920,"avail_raw":10285906174}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":20480,"bytes_used":20971520,"data_bytes_used":20971520,"omap_bytes_used":0,"percent_used":0.0020347111858427525,"max_avail":5142952960,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":10285906174}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":20971520,"allocated":20971520,"omap_allocated":0}},{"poolid":3,"num_pg":16,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":90193920,"allocated":90193920,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":503316480,"allocated":503316480,"omap_allocated":18230}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.949999988079071,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{"pg_autoscale_bias":2,"target_size_ratio":0.5},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool,bulk","pg_autoscale_mode":"warn"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{"target_size_bytes":1073741824},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: #"""
[
    {
        "actual_capacity_ratio": 0.0,
        "actual_raw_used": 0.0,
        "bias": 1.0,
        "bulk": false,
        "capacity_ratio": 0.0,
        "crush_root_id": -1,
        "effective_target_ratio": 0.0,
        "logical_used": 0,
        "pg_autoscale_mode": "off",
        "pg_num_final": 1,
        "pg_num_ideal": 0,
        "pg_num_target": 1,
        "pool_id": 1,
        "pool_name": "device_health_metrics",
        "raw_used": 0.0,
        "raw_used_rate": 3.0,
        "subtree_capacity": 12884901888,
        "target_bytes": 0,
        "target_ratio": 0.0,
        "would_adjust": false
    },
    {
        "actual_capacity_ratio": 0.03906391467899084,
        "actual_raw_used": 503334708.0,
        "bias": 2.0,
        "bulk": false,
        "capacity_ratio": 0.8333333333333334,
        "crush_root_id": -1,
        "effective_target_ratio": 0.8333333333333334,
        "logical_used": 167778236,
        "pg_autoscale_mode": "off",
        "pg_num_final": 128,
        "pg_num_ideal": 166,
        "pg_num_target": 16,
        "pool_id": 2,
        "pool_name": "rbd",
        "raw_used": 503334708.0,
        "raw_used_rate": 3.0,
        "subtree_capacity": 12884901888,
        "target_bytes": 0,
        "target_ratio": 0.5,
        "would_adjust": false
    },
    {
        "actual_capacity_ratio": 0.0016276041666666667,
        "actual_raw_used": 20971520.0,
        "bias": 1.0,
        "bulk": false,
        "capacity_ratio": 0.16666666666666666,
        "crush_root_id": -1,
        "effective_target_ratio": 0.0,
        "logical_used": 10485760,
        "pg_autoscale_mode": "off",
        "pg_num_final": 32,
        "pg_num_ideal": 4,
        "pg_num_target": 8,
        "pool_id": 4,
        "pool_name": "two",
        "raw_used": 2147483648.0,
        "raw_used_rate": 2.0,
        "subtree_capacity": 12884901888,
        "target_bytes": 1073741824,
        "target_ratio": 0.0,
        "would_adjust": false
    },
    {
        "actual_capacity_ratio": 0.006999969482421875,
        "actual_raw_used": 90193920.0,
        "bias": 1.0,
        "bulk": true,
        "capacity_ratio": 0.006999969482421875,
        "crush_root_id": -1,
        "effective_target_ratio": 0.0,
        "logical_used": 60129280,
        "pg_autoscale_mode": "warn",
        "pg_num_final": 32,
        "pg_num_ideal": 14,
        "pg_num_target": 16,
        "pool_id": 3,
        "pool_name": "ecpool",
        "raw_used": 90193920.0,
        "raw_used_rate": 1.5,
        "subtree_capacity": 12884901888,
        "target_bytes": 0,
        "target_ratio": 0.0,
        "would_adjust": false
    }
]
"""#),
        // blue6: bluestore, then ecpool pg_num 32 and ceph osd set-full-ratio 0.16 (osd.0 at 15.8%)
        Snapshot(
            name: "blue6", crushHex: blueCrush,
            osdDF: #"""
{"nodes":[{"id":0,"device_class":"hdd","name":"osd.0","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":496976,"kb_used_data":199880,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":2648752,"utilization":15.798441569010416,"var":1.3308767607519683,"pgs":53,"status":"up"},{"id":1,"device_class":"hdd","name":"osd.1","type":"osd","type_id":0,"crush_weight":0.002899169921875,"depth":2,"pool_weights":{},"reweight":1,"kb":3145728,"kb_used":495632,"kb_used_data":197832,"kb_used_omap":17,"kb_used_meta":297774,"kb_avail":2650096,"utilization":15.755716959635416,"var":1.3272775962722938,"pgs":53,"status":"up"},{"id":2,"device_class":"hdd","name":"osd.2","type":"osd","type_id":0,"crush_weight":0.005889892578125,"depth":2,"pool_weights":{},"reweight":1,"kb":6291456,"kb_used":501072,"kb_used_data":203976,"kb_used_omap":0,"kb_used_meta":297088,"kb_avail":5790384,"utilization":7.964324951171875,"var":0.67092282148786886,"pgs":57,"status":"up"}],"stray":[],"summary":{"total_kb":12582912,"total_kb_used":1493680,"total_kb_used_data":601688,"total_kb_used_omap":17,"total_kb_used_meta":891950,"total_kb_avail":11089232,"average_utilization":11.870702107747396,"min_var":0.67092282148786886,"max_var":1.3308767607519683,"dev":3.9064160968150956}}
"""#,
            osdDFText: #"""
ID  CLASS  WEIGHT   REWEIGHT  SIZE    RAW USE  DATA     OMAP    META     AVAIL    %USE   VAR   PGS  STATUS
 0    hdd  0.00290   1.00000   3 GiB  485 MiB  195 MiB     0 B  290 MiB  2.5 GiB  15.80  1.33   53      up
 1    hdd  0.00290   1.00000   3 GiB  484 MiB  193 MiB  17 KiB  291 MiB  2.5 GiB  15.76  1.33   53      up
 2    hdd  0.00589   1.00000   6 GiB  489 MiB  199 MiB     0 B  290 MiB  5.5 GiB   7.96  0.67   57      up
                       TOTAL  12 GiB  1.4 GiB  588 MiB  18 KiB  871 MiB   11 GiB  11.87                   
MIN/MAX VAR: 0.67/1.33  STDDEV: 3.91
"""#,
            dfText: #"""
--- RAW STORAGE ---
CLASS    SIZE   AVAIL     USED  RAW USED  %RAW USED
hdd    12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.87
TOTAL  12 GiB  11 GiB  1.4 GiB   1.4 GiB      11.87
 
--- POOLS ---
POOL                   ID  PGS   STORED   (DATA)   (OMAP)  OBJECTS     USED   (DATA)  (OMAP)  %USED  MAX AVAIL  QUOTA OBJECTS  QUOTA BYTES  DIRTY  USED COMPR  UNDER COMPR
device_health_metrics   1    1      0 B      0 B      0 B        0      0 B      0 B     0 B      0    8.3 MiB            N/A          N/A    N/A         0 B          0 B
rbd                     2   16  160 MiB  160 MiB  5.9 KiB       40  480 MiB  480 MiB  18 KiB  95.06    8.3 MiB            N/A          N/A    N/A         0 B          0 B
ecpool                  3   32   57 MiB   57 MiB      0 B       20   86 MiB   86 MiB     0 B  77.51     17 MiB            N/A          N/A    N/A         0 B          0 B
two                     4    8   10 MiB   10 MiB      0 B       10   20 MiB   20 MiB     0 B  44.48     12 MiB            N/A          N/A    N/A         0 B          0 B
"""#,
            dfDetail: #"""
{"stats":{"total_bytes":12884901888,"total_avail_bytes":11355373568,"total_used_bytes":1529528320,"total_used_raw_bytes":1529528320,"total_used_raw_ratio":0.11870702356100082,"num_osds":3,"num_per_pool_osds":3,"num_per_pool_omap_osds":3},"stats_by_class":{"hdd":{"total_bytes":12884901888,"total_avail_bytes":11355373568,"total_used_bytes":1529528320,"total_used_raw_bytes":1529528320,"total_used_raw_ratio":0.11870702356100082}},"pools":[{"name":"device_health_metrics","id":1,"stats":{"stored":0,"stored_data":0,"stored_omap":0,"objects":0,"kb_used":0,"bytes_used":0,"data_bytes_used":0,"omap_bytes_used":0,"percent_used":0,"max_avail":8725197,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":0,"avail_raw":26175590}},{"name":"rbd","id":2,"stats":{"stored":167778236,"stored_data":167772160,"stored_omap":6076,"objects":40,"kb_used":491538,"bytes_used":503334710,"data_bytes_used":503316480,"omap_bytes_used":18230,"percent_used":0.95056641101837158,"max_avail":8725197,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":45,"wr_bytes":167787520,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":503334720,"avail_raw":26175590}},{"name":"ecpool","id":3,"stats":{"stored":60129280,"stored_data":60129280,"stored_omap":0,"objects":20,"kb_used":88080,"bytes_used":90193920,"data_bytes_used":90193920,"omap_bytes_used":0,"percent_used":0.77506488561630249,"max_avail":17450394,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":0,"wr_bytes":0,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":90193920,"avail_raw":26175590}},{"name":"two","id":4,"stats":{"stored":10485760,"stored_data":10485760,"stored_omap":0,"objects":10,"kb_used":20480,"bytes_used":20971520,"data_bytes_used":20971520,"omap_bytes_used":0,"percent_used":0.44481027126312256,"max_avail":13087795,"quota_objects":0,"quota_bytes":0,"dirty":0,"rd":0,"rd_bytes":0,"wr":10,"wr_bytes":10485760,"compress_bytes_used":0,"compress_under_bytes":0,"stored_raw":20971520,"avail_raw":26175590}}]}
"""#,
            pgDumpPools: #"""
{"pool_stats":[{"poolid":4,"num_pg":8,"stat_sum":{"num_bytes":10485760,"num_objects":10,"num_object_copies":20,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":20971520,"allocated":20971520,"omap_allocated":0}},{"poolid":3,"num_pg":32,"stat_sum":{"num_bytes":60000000,"num_objects":20,"num_object_copies":60,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":90193920,"allocated":90193920,"omap_allocated":0}},{"poolid":2,"num_pg":16,"stat_sum":{"num_bytes":167772160,"num_objects":40,"num_object_copies":120,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":503316480,"allocated":503316480,"omap_allocated":18230}},{"poolid":1,"num_pg":1,"stat_sum":{"num_bytes":0,"num_objects":0,"num_object_copies":0,"num_objects_degraded":0,"num_bytes_hit_set_archive":0,"num_omap_bytes":0},"store_stats":{"data_stored":0,"allocated":0,"omap_allocated":0}}]}
"""#,
            osdDump: #"""
{"full_ratio":0.1599999964237213,"backfillfull_ratio":0.8999999761581421,"nearfull_ratio":0.8500000238418579,"pools":[{"pool":1,"pool_name":"device_health_metrics","type":1,"size":3,"crush_rule":0,"pg_num":1,"pg_num_target":1,"erasure_code_profile":"","options":{"pg_num_max":32,"pg_num_min":1},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":2,"pool_name":"rbd","type":1,"size":3,"crush_rule":1,"pg_num":16,"pg_num_target":16,"erasure_code_profile":"","options":{"pg_autoscale_bias":2,"target_size_ratio":0.5},"flags_names":"hashpspool","pg_autoscale_mode":"off"},{"pool":3,"pool_name":"ecpool","type":3,"size":3,"crush_rule":2,"pg_num":32,"pg_num_target":32,"erasure_code_profile":"ec21","options":{},"flags_names":"hashpspool,bulk","pg_autoscale_mode":"warn"},{"pool":4,"pool_name":"two","type":1,"size":2,"crush_rule":1,"pg_num":8,"pg_num_target":8,"erasure_code_profile":"","options":{"target_size_bytes":1073741824},"flags_names":"hashpspool","pg_autoscale_mode":"off"}],"erasure_code_profiles":{"default":{"k":"2","m":"2"},"ec21":{"k":"2","m":"1"}}}
"""#,
            autoscale: nil),
    ]
}
