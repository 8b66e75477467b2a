import Foundation
@testable import Simulation
import Testing

/// `scenarios/schema.json` describes the format the reader reads: the same keys in every
/// mapping, the same words in every enumeration.
@Suite struct SchemaTests {
    let schema: [String: Any]
    let defs: [String: Any]

    init() throws {
        let data = try Data(contentsOf: Repository.scenarios.appendingPathComponent("schema.json"))
        schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        defs = try #require(schema["$defs"] as? [String: Any])
    }

    func properties(_ object: Any?) -> [String] {
        guard let object = object as? [String: Any], let properties = object["properties"] as? [String: Any] else { return [] }
        return properties.keys.sorted()
    }

    func enumeration(_ def: String, _ property: String) -> [String] {
        let object = defs[def] as? [String: Any]
        let property = (object?["properties"] as? [String: Any])?[property] as? [String: Any]
        return (property?["enum"] as? [String]) ?? []
    }

    static let mappings: [(String, [String])] = [
        ("fleet", ScenarioKeys.fleet), ("host", ScenarioKeys.host), ("location", ScenarioKeys.location),
        ("disk", ScenarioKeys.disk), ("taint", ScenarioKeys.taint), ("sensor", ScenarioKeys.sensor),
        ("ceph", ScenarioKeys.ceph), ("crush", ScenarioKeys.crush), ("pool", ScenarioKeys.pool),
        ("filesystem", ScenarioKeys.filesystem), ("config", ScenarioKeys.config), ("services", ScenarioKeys.services),
        ("proxmox", ScenarioKeys.proxmox), ("k3s", ScenarioKeys.k3s), ("consul", ScenarioKeys.consul),
        ("singleHost", ScenarioKeys.singleHost), ("workloads", ScenarioKeys.workloads),
        ("storageClass", ScenarioKeys.storageClass), ("vm", ScenarioKeys.vm), ("vmDisk", ScenarioKeys.vmDisk),
        ("ha", ScenarioKeys.ha), ("vmAffinity", ScenarioKeys.vmAffinity), ("pod", ScenarioKeys.pod),
        ("replicatedWorkload", ScenarioKeys.replicatedWorkload), ("resources", ScenarioKeys.resources),
        ("nodeAffinity", ScenarioKeys.nodeAffinity), ("nodeSelectorTerm", ScenarioKeys.nodeSelectorTerm),
        ("preferredTerm", ScenarioKeys.preferredTerm), ("labelRequirement", ScenarioKeys.labelRequirement),
        ("toleration", ScenarioKeys.toleration), ("podAffinityTerm", ScenarioKeys.podAffinityTerm),
        ("topologySpread", ScenarioKeys.topologySpread), ("volume", ScenarioKeys.volume), ("expect", ScenarioKeys.expect),
        ("upmap", ScenarioKeys.upmap),
    ]

    @Test func everyMappingHasTheReadersKeys() {
        #expect(properties(schema) == ScenarioKeys.document.sorted())
        for (def, keys) in Self.mappings {
            #expect(properties(defs[def]) == keys.sorted(), "\(def)")
        }
    }

    @Test func everyEventKindHasItsKeys() throws {
        let event = try #require(defs["event"] as? [String: Any])
        #expect(properties(event) == ScenarioKeys.eventCommon.sorted())
        #expect(enumeration("event", "event") == EventKind.allCases.map(\.rawValue))
        let branches = try #require(event["allOf"] as? [[String: Any]])
        #expect(branches.count == EventKind.allCases.count)
        for branch in branches {
            let condition = (branch["if"] as? [String: Any])?["properties"] as? [String: Any]
            let name = try #require((condition?["event"] as? [String: Any])?["const"] as? String)
            let kind = try #require(EventKind(rawValue: name))
            #expect(properties(branch["then"]) == kind.keys.sorted(), "\(name)")
        }
    }

    @Test func enumerationsMatch() {
        #expect(enumeration("host", "role") == HostRole.allCases.map(\.rawValue))
        #expect(enumeration("host", "arch") == CPUArchitecture.allCases.map(\.rawValue))
        #expect(enumeration("disk", "type") == DiskType.allCases.map(\.rawValue))
        #expect(enumeration("sensor", "kind") == SensorKind.allCases.map(\.rawValue))
        #expect(enumeration("taint", "effect") == TaintEffect.allCases.map(\.rawValue))
        #expect(enumeration("pool", "type") == PoolTypeName.allCases.map(\.rawValue))
        #expect(enumeration("k3s", "datastore") == K3sDatastore.allCases.map(\.rawValue))
        #expect(enumeration("ha", "state") == HAState.allCases.map(\.rawValue))
        #expect(enumeration("labelRequirement", "operator") == LabelOperator.allCases.map(\.rawValue))
        #expect(enumeration("toleration", "operator") == TolerationOperator.allCases.map(\.rawValue))
        #expect(enumeration("topologySpread", "when_unsatisfiable") == WhenUnsatisfiable.allCases.map(\.rawValue))
        #expect(enumeration("volume", "access_mode") == AccessMode.allCases.map(\.rawValue))
    }

    /// Every scenario in `scenarios/` loads.
    @Test func everyBundledScenarioLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.scenarios.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            #expect(throws: Never.self, "\(file)") { try Repository.scenario("scenarios/" + file) }
        }
    }

    /// The minimal scenario `scenarios/README.md` shows loads without a word.
    @Test func theDocumentedMinimalScenarioLoads() throws {
        let readme = try Repository.text("scenarios/README.md")
        let section = try #require(readme.range(of: "## A minimal scenario"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let yaml = String(rest[start.upperBound..<end.lowerBound])
        let scenario = try Scenario(yaml: yaml, file: "minimal.yaml")
        #expect(scenario.warnings.isEmpty)
        #expect(scenario.fleet.hosts.count == 3)
        #expect(scenario.timeline.count == 1)
    }
}
