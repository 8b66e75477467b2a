import Foundation
import HomeAssistant
import Placement
import Simulation
import Testing

/// The cluster as Home Assistant entities, and the discovery topics and payloads for them.
@Suite struct HomeAssistantTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario() throws -> Scenario {
        let path = "scenarios/borg-collective.yaml"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        return try Scenario(yaml: text, file: path) { FileManager.default.contents(atPath: root.appendingPathComponent($0).path).map { [UInt8]($0) } }
    }

    static func publication() throws -> Publication {
        try Publication(nodeID: "lab", device: Device(identifiers: ["collective_lab"], name: "Collective lab", model: "Ceph cluster"))
    }

    @Test func topicsFollowHomeAssistantsDiscoveryLayout() throws {
        let publication = try Self.publication()
        let sensor = Entity.bytes("raw_size", name: "Raw size", 42)
        let binary = Entity.binarySensor("osd_nearfull", name: "OSD near full", isOn: true, deviceClass: "problem")
        #expect(publication.stateTopic(sensor) == "collective/lab/raw_size")
        #expect(publication.configTopic(sensor) == "homeassistant/sensor/lab/raw_size/config")
        #expect(publication.configTopic(binary) == "homeassistant/binary_sensor/lab/osd_nearfull/config")
        #expect(publication.availabilityTopic == "collective/lab/availability")
        #expect(publication.offlineMessage == RetainedMessage(topic: "collective/lab/availability", payload: "offline"))
        let messages = publication.messages([sensor, binary])
        #expect(messages.map(\.topic) == [
            "homeassistant/sensor/lab/raw_size/config", "homeassistant/binary_sensor/lab/osd_nearfull/config",
            "collective/lab/availability", "collective/lab/raw_size", "collective/lab/osd_nearfull",
        ])
        #expect(messages.map(\.payload).suffix(3) == ["online", "42", "ON"])
    }

    @Test func aDiscoveryConfigIsJSONWithWhatHomeAssistantNeeds() throws {
        let publication = try Self.publication()
        let config = publication.config(.bytes("pool_rbd_stored", name: "Pool rbd stored", 7))
        #expect(config == #"{"availability_topic":"collective/lab/availability","device":{"identifiers":["collective_lab"],"manufacturer":"Collective","model":"Ceph cluster","name":"Collective lab"},"device_class":"data_size","name":"Pool rbd stored","payload_available":"online","payload_not_available":"offline","state_class":"measurement","state_topic":"collective/lab/pool_rbd_stored","unique_id":"lab_pool_rbd_stored","unit_of_measurement":"B"}"#)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any])
        #expect(json["state_topic"] as? String == "collective/lab/pool_rbd_stored")
    }

    @Test(arguments: ["", "a b", "x/y", "é"])
    func nodeIDsHomeAssistantRefuses(_ nodeID: String) {
        #expect(throws: PublicationError.self) {
            try Publication(nodeID: nodeID, device: Device(identifiers: ["x"], name: "x", model: "x"))
        }
    }

    @Test(arguments: ["", "a/", "/a", "a/+", "#"])
    func prefixesThatAreNotTopics(_ prefix: String) {
        #expect(throws: PublicationError.self) {
            try Publication(prefix: prefix, nodeID: "lab", device: Device(identifiers: ["x"], name: "x", model: "x"))
        }
    }

    @Test func objectIDsAreSanitised() {
        #expect(ObjectID.sanitized("rbd.VMs pool") == "rbd_vms_pool")
        #expect(ObjectID.sanitized("cephfs_data-1") == "cephfs_data-1")
        #expect(ObjectID.isValid("cephfs_data-1") && !ObjectID.isValid("a.b"))
    }

    /// The default scenario's entities, checked against the scenario itself: counts from its
    /// fleet, PG replicas from its pools, sizes from its disks.
    @Test func theDefaultScenariosEntities() throws {
        let scenario = try Self.scenario()
        let entities = ClusterEntities.scenario(scenario)
        var byID: [String: Entity] = [:]
        for entity in entities {
            #expect(byID[entity.objectID] == nil, "\(entity.objectID) is unique")
            #expect(ObjectID.isValid(entity.objectID))
            byID[entity.objectID] = entity
        }
        let disks = scenario.fleet.hosts.flatMap(\.disks)
        #expect(byID["hosts"]?.value == String(scenario.fleet.hosts.count))
        #expect(byID["osds"]?.value == String(disks.count))
        #expect(byID["osds_up"]?.value == String(disks.count))
        #expect(byID["osds_in"]?.value == String(disks.count))
        #expect(byID["raw_size"]?.value == String(disks.reduce(UInt64(0)) { $0 + $1.size.bytes }))
        // Every PG maps to a full set of OSDs in this fleet: size (or k+m) replicas per PG.
        let replicas = scenario.ceph.pools.reduce(0) { $0 + Int($1.pgNum) * $1.size }
        #expect(byID["pgs_per_osd"]?.value == String(replicas / disks.count))
        #expect(byID["osd_nearfull"]?.value == "OFF")
        #expect(byID["osd_nearfull"]?.component == .binarySensor)
        for pool in scenario.ceph.pools {
            let key = "pool_" + ObjectID.sanitized(pool.name)
            let stored = try #require(byID[key + "_stored"].flatMap { Double($0.value) }, "\(pool.name)")
            // STORED is computed in float by ceph df: the pool's bytes to 24 bits of precision.
            #expect(abs(stored - Double(pool.stored.bytes)) <= Double(pool.stored.bytes) / 1_000_000)
            #expect(byID[key + "_stored"]?.unit == "B")
            #expect(byID[key + "_max_avail"]?.deviceClass == "data_size")
            #expect(byID[key + "_percent_used"]?.unit == "%")
        }
        // The verdicts pass through: the services' single points of failure and the N+1 check.
        #expect(byID["spofs"]?.value == String(ServiceLayout(scenario).singlePointsOfFailure().count))
        let nPlusOne = try #require(scenario.nPlusOne())
        #expect(byID["n_plus_one"]?.value == (nPlusOne.passes ? "OFF" : "ON"))
        #expect(entities.count == 12 + 3 * scenario.ceph.pools.count)
    }
}
