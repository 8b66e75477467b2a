import CRUSH
import Foundation
import Simulation
import Testing
import CollectiveTestSupport

/// The CRUSH map generated from a fleet, checked against Ceph's own `crushtool` 16.2.15: the
/// hierarchy compiled by crushtool, its class trees rebuilt by crushtool, its rules created by
/// crushtool's `--create-*-rule` (Ceph's `add_simple_rule`) and every OSD weighted by
/// crushtool's `--reweight-item` from the `%.4f` TiB figure a new OSD reports
/// (`OSD::update_crush_location`) must give our bytes exactly.
@Suite(.enabled(if: Crushtool.isAvailable, "needs crushtool (Debian's ceph-base)"))
struct FleetCrushMapTests {
    /// Hosts with and without racks, three classes, sizes whose weights do not survive three
    /// decimals, OSD ids with gaps, a weight override, and rules of every shape.
    static let mixed = """
        fleet:
          hosts:
            - name: alpha
              role: queen
              cores: 8
              ram: 64GiB
              nic: 10Gbit/s
              location: {rack: ra}
              disks:
                - {name: n0, type: nvme, size: 3.84TB}
                - {name: h0, type: hdd, size: 12TB}
                - {name: h1, type: hdd, size: 12TB, osd: 10}
            - name: beta
              role: drone
              cores: 4
              ram: 16GiB
              nic: 1Gbit/s
              location: {rack: rb}
              disks:
                - {name: s0, type: ssd, size: 960GB}
                - {name: h0, type: hdd, size: 16TB}
                - {name: n0, type: nvme, size: 1.92TB}
            - name: gamma
              role: drone
              cores: 4
              ram: 16GiB
              nic: 1Gbit/s
              disks:
                - {name: s0, type: ssd, size: 500GB}
                - {name: h0, type: hdd, size: 5TB, weight: 0.5}
            - name: delta
              role: drone
              cores: 4
              ram: 16GiB
              nic: 1Gbit/s
              location: {rack: ra}
              disks:
                - {name: s0, type: ssd, class: fast, size: 480GB}
                - {name: h0, type: hdd, size: 14TB}
            - {name: pi, role: edge, cores: 4, ram: 8GiB, nic: 1Gbit/s, arch: arm64}
        ceph:
          mons: [alpha, beta, gamma]
          mgrs: [alpha]
          pools:
            - {name: plain}
            - {name: by-rack, device_class: hdd, failure_domain: rack, size: 2, min_size: 1}
            - {name: flash, device_class: nvme}
            - {name: any-osd, failure_domain: osd}
            - {name: ec-hdd, type: erasure, k: 2, m: 2, device_class: hdd}
            - {name: ec-osd, type: erasure, k: 4, m: 2, failure_domain: osd}
            - {name: fast, device_class: fast, failure_domain: osd, rule: fastest}
        """

    static func scenario(_ name: String) throws -> Scenario {
        switch name {
        case "borg-collective": return try Repository.scenario("scenarios/borg-collective.yaml")
        default: return try Scenario(yaml: mixed, file: "mixed.yaml")
        }
    }

    /// The weight text each disk's OSD gets from Ceph: the file's override, or `%.4f` of its
    /// size in TiB.
    static func weightTexts(_ scenario: Scenario, yaml: String) -> [Int32: String] {
        var result: [Int32: String] = [:]
        for host in scenario.fleet.hosts {
            for disk in host.disks {
                let tib = max(0.00001, Double(disk.size.bytes) / 1_099_511_627_776)
                result[disk.osd!] = String(format: "%.4f", tib)
            }
        }
        if yaml == mixed { result[scenario.fleet.host(named: "gamma")!.disks[1].osd!] = "0.5" }
        return result
    }

    @Test(arguments: ["borg-collective", "mixed"])
    func crushtoolBuildsTheSameMap(_ name: String) throws {
        let scenario = try Self.scenario(name)
        let map = scenario.crushMap
        let dir = try Program.temporaryDirectory("collective-crushtool")
        defer { try? FileManager.default.removeItem(at: dir) }

        // The hierarchy without rules, every device at weight 1.
        var text = ""
        var inRules = false
        for line in FleetCrushMap.compilableText(map).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "# rules" { inRules = true }
            if line == "# end crush map" { inRules = false }
            if inRules { continue }
            if line.hasPrefix("\titem osd."), let range = line.range(of: " weight ") {
                text += line[..<range.lowerBound] + " weight 1.000\n"
            } else {
                text += line + "\n"
            }
        }
        try text.write(to: dir.appendingPathComponent("hierarchy.txt"), atomically: true, encoding: .utf8)
        try Crushtool.check(["-c", "hierarchy.txt", "-o", "m"], in: dir)
        try Crushtool.check(["-i", "m", "--rebuild-class-roots", "-o", "m"], in: dir)

        // The rules, as Ceph creates them for the pools.
        var erasureRules: [String: Int] = [:]
        var created: [String] = []
        for pool in scenario.ceph.pools where !created.contains(pool.rule) {
            created.append(pool.rule)
            var arguments = ["-i", "m", "-o", "m"]
            if pool.kind.isErasure {
                arguments += ["--create-simple-rule", pool.rule, "default", pool.failureDomain, "indep"]
                erasureRules[pool.rule] = pool.size
            } else {
                arguments += ["--create-replicated-rule", pool.rule, "default", pool.failureDomain]
            }
            if let deviceClass = pool.deviceClass { arguments += ["--device-class", deviceClass] }
            if pool.rule == "replicated_rule" {
                try Crushtool.check(arguments, in: dir)
            } else {
                if !created.contains("replicated_rule") {
                    created.insert("replicated_rule", at: 0)
                    try Crushtool.check(["-i", "m", "-o", "m", "--create-replicated-rule", "replicated_rule", "default", "host"], in: dir)
                }
                try Crushtool.check(arguments, in: dir)
            }
        }
        if !created.contains("replicated_rule") {
            try Crushtool.check(["-i", "m", "-o", "m", "--create-replicated-rule", "replicated_rule", "default", "host"], in: dir)
        }

        // Every OSD's weight, as a new OSD registers it.
        for (osd, weight) in Self.weightTexts(scenario, yaml: name == "mixed" ? Self.mixed : "").sorted(by: { $0.key < $1.key }) {
            try Crushtool.check(["-i", "m", "--reweight-item", "osd.\(osd)", weight, "-o", "m"], in: dir)
        }

        // crushtool makes indep rules of type replicated with max_size 20; an erasure-code
        // profile's rule is of type erasure with max_size k+m (ErasureCode::create_rule).
        var expected = try CrushMap(binary: [UInt8](Data(contentsOf: dir.appendingPathComponent("m"))))
        for (ruleName, chunks) in erasureRules {
            let id = Int(expected.ruleID(named: ruleName)!)
            expected.rules[id]!.type = Rule.typeErasure
            expected.rules[id]!.maxSize = UInt8(chunks)
        }
        #expect(map.decompiled() == expected.decompiled())
        let sameBytes = map.binaryEncoded() == expected.binaryEncoded()
        #expect(sameBytes, "the encoded maps differ")
    }

    @Test(arguments: ["borg-collective", "mixed"])
    func crushtoolReadsOurBytesAsTheSameMap(_ name: String) throws {
        let map = try Self.scenario(name).crushMap
        let dir = try Program.temporaryDirectory("collective-crushtool")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(map.binaryEncoded()).write(to: dir.appendingPathComponent("ours"))
        let decompiled = try Crushtool.check(["-d", "ours"], in: dir)
        #expect(decompiled == map.decompiled())
    }

    /// The text `collective scenario crush` prints compiles, with crushtool and with ours, to the
    /// map's bytes when every weight is a multiple of 0.001 TiB (as 2, 4 and 8 TB disks give).
    @Test func theDefaultScenarioTextCompilesToItsBytes() throws {
        let map = try Self.scenario("borg-collective").crushMap
        let text = FleetCrushMap.compilableText(map)
        let dir = try Program.temporaryDirectory("collective-crushtool")
        defer { try? FileManager.default.removeItem(at: dir) }
        try text.write(to: dir.appendingPathComponent("map.txt"), atomically: true, encoding: .utf8)
        try Crushtool.check(["-c", "map.txt", "-o", "map"], in: dir)
        let compiled = try [UInt8](Data(contentsOf: dir.appendingPathComponent("map")))
        let sameBytes = compiled == map.binaryEncoded()
        #expect(sameBytes, "crushtool -c gives other bytes")
        let ours = try CrushMap(text: text)
        #expect(ours.decompiled() == map.decompiled())
        let sameMap = ours == map
        #expect(sameMap, "collective's compiler gives another map")
    }
}
