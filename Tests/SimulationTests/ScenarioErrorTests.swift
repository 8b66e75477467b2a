import Testing
import Simulation

/// Malformed scenarios: every problem is reported with `file:line:column: field.path: message`,
/// all of them, not just the first.
@Suite struct ScenarioErrorTests {
    /// A small valid fleet the cases below break in one place each.
    static let fleet = """
        fleet:
          hosts:
            - {name: queen, role: queen, cores: 8, ram: 32GiB, nic: 10Gbit/s, location: {rack: r1}, disks: [{name: ssd0, type: ssd, size: 2TB}]}
            - {name: drone1, role: drone, cores: 4, ram: 16GiB, nic: 1Gbit/s, location: {rack: r1}, disks: [{name: ssd0, type: ssd, size: 2TB}]}
            - {name: drone2, role: drone, cores: 4, ram: 16GiB, nic: 1Gbit/s, location: {rack: r2}, disks: [{name: ssd0, type: ssd, size: 2TB}, {name: hdd0, type: hdd, size: 4TB}]}
        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "bad type: a size that is not one", yaml: """
            fleet:
              hosts:
                - name: queen
                  role: queen
                  cores: 8
                  ram: 32GiB
                  nic: 10Gbit/s
                  disks:
                    - {name: a, type: hdd, size: 4TB}
                - name: drone1
                  role: drone
                  cores: 4
                  ram: 16GiB
                  nic: 1Gbit/s
                  disks:
                    - name: sda
                      type: hdd
                      size: lots
            ceph:
              mons: [queen]
              mgrs: [queen]
            """, expected: [
                #"x.yaml:18:17: fleet.hosts[1].disks[0].size: expected a size like 4TB or 3.64TiB, found "lots""#,
            ]),
        Case(name: "bad type: a list where a number goes, a mapping where a list goes", yaml: """
            fleet:
              hosts:
                - {name: queen, role: queen, cores: [8], ram: 32GiB, nic: 10Gbit/s}
            ceph:
              mons: {queen: 1}
            """, expected: [
                #"x.yaml:3:41: fleet.hosts[0].cores: expected a number of cores, found a list"#,
                #"x.yaml:5:3: warning: ceph: no mgrs: without an active manager Ceph reports HEALTH_WARN and PG statistics stop"#,
                #"x.yaml:5:9: ceph.mons: expected a list of host names, found a mapping"#,
            ]),
        Case(name: "unknown keys, with and without a suggestion", yaml: """
            fleet:
              hosts:
                - {name: queen, role: queen, cores: 8, ramm: 32GiB, nic: 10Gbit/s}
            ceph:
              mons: [queen]
              mgrs: [queen]
              colour: blue
            """, expected: [
                #"x.yaml:3:7: fleet.hosts[0]: missing required key "ram" (memory, like 64GiB)"#,
                #"x.yaml:3:44: fleet.hosts[0].ramm: unknown key; did you mean "ram"?"#,
                #"x.yaml:7:3: ceph.colour: unknown key; expected one of: crush, mons, mgrs, mds, pools, filesystems, config, upmaps"#,
            ]),
        Case(name: "missing required keys", yaml: """
            fleet:
              hosts:
                - name: queen
                  cores: 8
                  ram: 32GiB
            """, expected: [
                #"x.yaml:1:1: missing required key "ceph" (mons and pools)"#,
                #"x.yaml:3:7: fleet.hosts[0]: missing required key "role" (queen, drone or edge)"#,
                #"x.yaml:3:7: fleet.hosts[0]: missing required key "nic" (network line rate, like 10Gbit/s)"#,
            ]),
        Case(name: "unknown host, pool and class references", yaml: fleet + """

            ceph:
              mons: [queen, drone1, dron2]
              mgrs: [queen]
              pools:
                - {name: rbd, device_class: sdd}
              filesystems:
                - {name: fs, metadata_pool: rdb, data_pools: [rbd]}
            services:
              mqtt: {host: quen}
            """, expected: [
                #"x.yaml:7:25: ceph.mons[2]: unknown host "dron2"; did you mean "drone2"?"#,
                #"x.yaml:10:33: ceph.pools[0].device_class: no disk has device class "sdd" (the fleet has ssd, hdd); did you mean "ssd"?"#,
                #"x.yaml:12:33: ceph.filesystems[0].metadata_pool: unknown pool "rdb"; did you mean "rbd"?"#,
                #"x.yaml:14:16: services.mqtt.host: unknown host "quen"; did you mean "queen"?"#,
            ]),
        Case(name: "impossible values: size 0, min_size > size, negative size, fill over 100%", yaml: """
            fleet:
              hosts:
                - name: queen
                  role: queen
                  cores: 8
                  ram: 32GiB
                  nic: 10Gbit/s
                  disks:
                    - {name: a, type: hdd, size: 0}
                    - {name: b, type: hdd, size: -4TB}
                    - {name: c, type: hdd, size: 4TB, fill: 120%}
            ceph:
              mons: [queen]
              mgrs: [queen]
              pools:
                - {name: p0, size: 0}
                - {name: p1, size: 2, min_size: 3}
            """, expected: [
                #"x.yaml:9:38: fleet.hosts[0].disks[0].size: must be more than 0, found "0""#,
                #"x.yaml:10:38: fleet.hosts[0].disks[1].size: a size cannot be negative, found "-4TB""#,
                #"x.yaml:11:49: fleet.hosts[0].disks[2].fill: cannot be more than 100%, found "120%""#,
                #"x.yaml:16:24: ceph.pools[0].size: must be between 1 and 10, found 0"#,
                #"x.yaml:17:37: ceph.pools[1].min_size: min_size (3) cannot be larger than size (2)"#,
            ]),
        Case(name: "k+m more than the failure domains is a warning", yaml: fleet + """

            ceph:
              mons: [queen]
              mgrs: [queen]
              pools:
                - {name: ec, type: erasure, k: 3, m: 2, device_class: ssd}
                - {name: r, size: 3, device_class: hdd}
            """, expected: [
                #"x.yaml:10:36: warning: ceph.pools[0].k: k+m (3+2 = 5) is more than the 3 hosts with ssd OSDs: PGs stay undersized"#,
                #"x.yaml:11:23: warning: ceph.pools[1].size: size 3 is more than the 1 host with hdd OSDs: PGs stay undersized"#,
            ]),
        Case(name: "erasure-coded pools: size is k+m, min_size between k and k+m, no k on replicated pools", yaml: fleet + """

            ceph:
              mons: [queen]
              mgrs: [queen]
              pools:
                - {name: ec, type: erasure, k: 2, m: 1, size: 4}
                - {name: ec2, type: erasure, k: 2, m: 1, min_size: 1}
                - {name: r, k: 2}
            """, expected: [
                #"x.yaml:10:51: ceph.pools[0].size: the size of an erasure-coded pool is k+m = 3, found 4"#,
                #"x.yaml:11:56: ceph.pools[1].min_size: min_size of an erasure-coded pool must be between k (2) and k+m (3), found 1"#,
                #"x.yaml:12:20: ceph.pools[2].k: k applies to erasure-coded pools (type: erasure)"#,
            ]),
        Case(name: "quantities: durations, bandwidths, ratios, enumerations", yaml: fleet + """

            ceph:
              mons: [queen]
              mgrs: [queen]
              config:
                osd_heartbeat_grace: soon
                mon_osd_full_ratio: 1.5
                osd_recovery_bandwidth: 100MB
            services:
              k3s: {servers: [queen], datastore: etc}
            timeline:
              - {at: 10 minutes, event: fail_host, host: drone1}
            """, expected: [
                #"x.yaml:10:26: ceph.config.osd_heartbeat_grace: expected a duration like 30s, 10m or 2h, found "soon""#,
                #"x.yaml:11:25: ceph.config.mon_osd_full_ratio: cannot be more than 1 (100%), found "1.5""#,
                #"x.yaml:12:29: ceph.config.osd_recovery_bandwidth: expected a bandwidth like 10Gbit/s or 125MB/s, found "100MB""#,
                #"x.yaml:14:38: services.k3s.datastore: expected sqlite, etcd or external, found "etc"; did you mean "etcd"?"#,
                #"x.yaml:16:10: timeline[0].at: expected a duration like 30s, 10m or 2h, found "10 minutes""#,
            ]),
        Case(name: "timeline: unknown event, unknown disk, a host before it joins, a rack that does not exist", yaml: fleet + """

            ceph:
              mons: [queen]
              mgrs: [queen]
            timeline:
              - {at: 1h, event: fail_disks, disk: drone2/hdd0}
              - {at: 1h, event: fail_disk, disk: drone2/hdd1}
              - {at: 2h, event: fail_host, host: drone3}
              - {at: 3h, event: add_host, host: {name: drone3, role: drone, cores: 4, ram: 16GiB, nic: 1Gbit/s}}
              - {at: 4h, event: fail_rack, rack: r3}
              - {at: 5h, event: fail_disk, disk: osd.9}
            """, expected: [
                #"x.yaml:10:21: timeline[0].event: expected fail_disk, restore_disk, fail_host, restore_host, fail_rack, restore_rack, fail_link, restore_link, partition, heal_partition, fail_queen, restore_queen, add_host, remove_host, drain_host, reweight, set_pool, grow or sensor_alarm, found "fail_disks"; did you mean "fail_disk"?"#,
                #"x.yaml:11:38: timeline[1].disk: drone2 has no disk "hdd1"; did you mean "hdd0"?"#,
                #"x.yaml:12:38: timeline[2].host: host "drone3" joins later in the timeline (add_host); this event comes first"#,
                #"x.yaml:14:38: timeline[4].rack: unknown rack "r3"; did you mean "r1"?"#,
                #"x.yaml:15:38: timeline[5].disk: no disk is osd.9"#,
            ]),
        Case(name: "events take only their own keys", yaml: fleet + """

            ceph:
              mons: [queen]
              mgrs: [queen]
            timeline:
              - {at: 1h, event: fail_host, host: drone1, disk: drone1/ssd0}
              - {at: 2h, event: set_pool, pool: none}
              - {at: 3h, event: grow, pool: rbd}
            """, expected: [
                #"x.yaml:10:46: timeline[0].disk: unknown key; expected one of: at, event, note, host"#,
                #"x.yaml:11:37: timeline[1].pool: unknown pool "none""#,
                #"x.yaml:12:5: timeline[2]: missing required key "by" (how much data, like 500GiB)"#,
                #"x.yaml:12:33: timeline[2].pool: unknown pool "rbd""#,
            ]),
        Case(name: "workloads: unknown pool, storage class, VM and host references", yaml: fleet + """

            ceph:
              mons: [queen]
              mgrs: [queen]
              pools:
                - {name: rbd, device_class: ssd, application: rbd}
            workloads:
              storage_classes:
                - {name: ceph-rbd, pool: rbd}
              vms:
                - {id: 100, name: db, cores: 2, memory: 4GiB, disks: [{pool: rdb, size: 32GiB}], anti_affinity: [web]}
                - {id: 100, name: dns, cores: 1, memory: 1GiB, affinity: {nodes: ["drone9:2"]}}
              deployments:
                - name: grafana
                  requests: {cpu: 2, memory: 1Gi}
                  limits: {cpu: 500m}
                  volumes: [{name: data, storage_class: ceph-rdb, size: 10Gi}]
            """, expected: [
                #"x.yaml:15:66: workloads.vms[0].disks[0].pool: unknown pool "rdb"; did you mean "rbd"?"#,
                #"x.yaml:15:102: workloads.vms[0].anti_affinity[0]: unknown VM "web""#,
                #"x.yaml:16:12: workloads.vms[1].id: VMID 100 is already db"#,
                #"x.yaml:16:71: workloads.vms[1].affinity.nodes[0]: unknown host "drone9"; did you mean "drone1"?"#,
                #"x.yaml:19:17: workloads.deployments[0].requests: requests.cpu (2) is more than limits.cpu (500m)"#,
                #"x.yaml:21:45: workloads.deployments[0].volumes[0].storage_class: unknown storage class "ceph-rdb"; did you mean "ceph-rbd"?"#,
            ]),
        Case(name: "YAML syntax errors are positioned too", yaml: """
            fleet:
              hosts:
                - {name: queen, role: queen
            ceph: {}
            """, expected: [
                #"x.yaml:4:5: YAML syntax: did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 7)"#,
            ]),
        Case(name: "duplicate keys", yaml: fleet + """

            ceph:
              mons: [queen]
              mons: [drone1]
            """, expected: [
                #"x.yaml:7:3: duplicate key "mons" in one mapping"#,
            ]),
    ]

    @Test(arguments: cases)
    func reportsExactly(_ c: Case) {
        #expect(diagnostics(c.yaml) == c.expected)
    }

    @Test func everyErrorIsReportedNotJustTheFirst() {
        let yaml = """
            fleet:
              hosts:
                - {name: queen, role: queen, cores: 0, ram: 32GB, nic: fast}
                - {name: queen, role: drone, cores: 4, ram: 8GiB, nic: 1Gbit/s}
            ceph:
              mons: [queen, nobody]
            """
        #expect(diagnostics(yaml) == [
            #"x.yaml:3:41: fleet.hosts[0].cores: must be between 1 and 4096, found 0"#,
            #"x.yaml:3:60: fleet.hosts[0].nic: expected a bandwidth like 10Gbit/s or 125MB/s, found "fast""#,
            #"x.yaml:4:14: fleet.hosts[1].name: host "queen" is already defined"#,
            #"x.yaml:6:3: warning: ceph: no mgrs: without an active manager Ceph reports HEALTH_WARN and PG statistics stop"#,
            #"x.yaml:6:17: ceph.mons[1]: unknown host "nobody""#,
        ])
    }

    @Test func anImportedMapMustHoldTheFleet() throws {
        let map = """
            device 0 osd.0 class hdd
            type 0 osd
            type 1 host
            type 2 root
            host queen {
            \tid -2
            \talg straw2
            \thash 0
            \titem osd.0 weight 1.000
            }
            root default {
            \tid -1
            \talg straw2
            \thash 0
            \titem queen weight 1.000
            }
            rule replicated_rule {
            \tid 0
            \ttype replicated
            \tmin_size 1
            \tmax_size 10
            \tstep take default
            \tstep chooseleaf firstn 0 type host
            \tstep emit
            }
            """
        let yaml = """
            fleet:
              hosts:
                - {name: queen, role: queen, cores: 8, ram: 32GiB, nic: 10Gbit/s, disks: [{type: ssd, size: 2TB}]}
                - {name: drone1, role: drone, cores: 4, ram: 16GiB, nic: 1Gbit/s, disks: [{type: hdd, size: 4TB}]}
            ceph:
              crush: {import: map.txt}
              mons: [queen]
              mgrs: [queen]
              pools:
                - {name: ec, type: erasure, k: 2, m: 1}
                - {name: r, device_class: hdd}
            """
        let found = diagnostics(yaml, file: "dir/x.yaml", files: ["dir/map.txt": Array(map.utf8)])
        #expect(found == [
            #"dir/x.yaml:3:79: fleet.hosts[0].disks[0]: osd.0 has device class hdd in the imported crush map, but this disk is ssd"#,
            #"dir/x.yaml:4:7: fleet.hosts[1]: the imported crush map has no bucket named "drone1" for this host's disks"#,
            #"dir/x.yaml:10:7: ceph.pools[0]: the imported crush map has no rule "ec""#,
            #"dir/x.yaml:11:31: ceph.pools[1].device_class: device_class comes from the imported crush map's rule; name the rule instead"#,
        ])
        #expect(diagnostics(yaml, file: "dir/x.yaml") == [
            #"dir/x.yaml:6:19: ceph.crush.import: cannot read "dir/map.txt""#,
        ])
    }
}
