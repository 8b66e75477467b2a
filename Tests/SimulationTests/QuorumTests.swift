import Testing

@testable import Simulation

/// Who can talk and who holds quorum, on the default fleet (queen, drone1 in rack1; drone2,
/// drone3 in rack2; edge1, edge2 in no rack).
@Suite struct QuorumTests {
    let fleet: Fleet

    init() throws {
        fleet = try Repository.scenario("scenarios/borg-collective.yaml").fleet
    }

    @Test func componentsFollowLinksRacksAndPartitions() {
        var net = FleetConnectivity.healthy(fleet)
        #expect(net.components(of: fleet) == [["queen", "drone1", "drone2", "drone3", "edge1", "edge2"]])
        net.running.remove("queen")
        net.isolatedHosts = ["edge1"]
        net.isolatedRacks = ["rack2"]
        #expect(net.components(of: fleet) == [["drone1", "edge2"], ["drone2", "drone3"], ["edge1"]])
        net = FleetConnectivity.healthy(fleet)
        net.partition = [["drone2", "drone3"], ["queen"]]
        #expect(net.components(of: fleet) == [["queen"], ["drone1", "drone2", "drone3", "edge1", "edge2"]])
        #expect(net.canReach("drone1", "edge1", in: fleet))
        #expect(!net.canReach("queen", "drone1", in: fleet))
    }

    /// Four monitors: one may fail (3 of 4 left), two may not (2 of 4 is no majority).
    @Test func fourMonitorsTolerateOneFailure() {
        let mons = ["queen", "drone1", "drone2", "drone3"]
        var net = FleetConnectivity.healthy(fleet)
        net.running.remove("queen")
        let one = Quorum.majority(of: mons, components: net.components(of: fleet))
        #expect(one.isQuorate && one.members == ["drone1", "drone2", "drone3"] && one.needed == 3)
        net.isolatedRacks = ["rack2"]
        let split = Quorum.majority(of: mons, components: net.components(of: fleet))
        #expect(!split.isQuorate && split.votes == 2 && split.members.isEmpty)
        #expect(Quorum.failuresTolerated(voters: 4) == 1 && Quorum.failuresTolerated(voters: 5) == 2)
    }
}
