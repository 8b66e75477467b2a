#if Live
import CephLive
import CollectiveTestSupport
import Foundation
import Simulation
import Testing

/// Live tests against the dev cluster of `scripts/ceph-dev-cluster` (one host, three OSDs,
/// cephx). They share one cluster, so they run one after another.
@Suite("Live: dev cluster", .serialized, .timeLimit(.minutes(5)))
struct LiveClusterTests {
    // MARK: placement

    @Test("live verify: every PG of replicated and erasure pools, before and after an OSD is out")
    func liveVerifyBeforeAndAfterOSDOut() throws {
        let rados = try LiveCluster.connect()
        try LiveCluster.dropPool(rados, "livetest-rep")
        try LiveCluster.dropPool(rados, "livetest-ec")
        defer {
            try? LiveCluster.dropPool(rados, "livetest-rep")
            try? LiveCluster.dropPool(rados, "livetest-ec")
        }
        try rados.createPool(PoolSpec(name: "livetest-rep", redundancy: .replicated(size: 3, minSize: 2), pgNum: 32))
        try rados.createPool(PoolSpec(name: "livetest-ec", redundancy: .erasure(k: 2, m: 1, failureDomain: "osd", profile: "livetest-ec21"), pgNum: 16))
        #expect(try LiveCluster.waitClean(rados))

        let before = try PlacementVerification.run(rados, settleSeconds: 20)
        Self.expectAgreement(before, pools: ["livetest-rep", "livetest-ec"])

        // Mark osd.2 out and wait for the map to move on.
        let epoch = before.epoch
        try rados.run(MonCommand("osd out", ["ids": .strings(["2"])]))
        defer {
            _ = try? rados.run(MonCommand("osd in", ["ids": .strings(["2"])]))
            _ = try? LiveCluster.waitClean(rados)
        }
        #expect(try LiveCluster.wait(seconds: 30) { try ClusterStatus.read(rados).osdMapEpoch > Int(epoch) })
        let after = try PlacementVerification.run(rados, settleSeconds: 30)
        #expect(after.epoch > epoch)
        Self.expectAgreement(after, pools: ["livetest-rep", "livetest-ec"])
        // With osd.2 out, no computed up set of the test pools may hold it: the cluster and
        // Placement agree on a map where it is really out.
        let status = try ClusterStatus.read(rados)
        #expect(status.osdsIn == status.osds - 1)
    }

    static func expectAgreement(_ v: PlacementVerification, pools: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(v.mismatches.isEmpty, "mismatches: \(v.mismatches.prefix(5))", sourceLocation: sourceLocation)
        for name in pools {
            #expect(v.pools.contains { $0.name == name }, "pool \(name) not verified", sourceLocation: sourceLocation)
        }
        for p in v.pools {
            #expect(p.pgs > 0 && p.matching == p.pgs, "pool \(p.name): \(p.matching)/\(p.pgs)", sourceLocation: sourceLocation)
            #expect(p.maxAvailAgrees, "pool \(p.name): MAX AVAIL \(p.computedMaxAvail) vs ceph df \(p.reportedMaxAvail ?? 0)", sourceLocation: sourceLocation)
            if let reported = p.reportedMaxAvail {
                let diff = abs(Double(p.computedMaxAvail) - Double(reported))
                #expect(diff <= 0.01 * Double(reported), "pool \(p.name): MAX AVAIL off by \(diff)", sourceLocation: sourceLocation)
            }
        }
        #expect(v.agrees, sourceLocation: sourceLocation)
    }

    @Test("live verify CLI exits 0 and names every pool")
    func liveVerifyCLI() throws {
        let run = try LiveCluster.cli(["verify", "-f", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let pools = try LiveCluster.connect().pools().map(\.name)
        for name in pools { #expect(run.stdout.contains("\"\(name)\""), "pool \(name) missing") }
    }

    // MARK: pools

    @Test("live pool round trip: create, ls, set, quota, rm refused without the flag")
    func livePoolRoundTrip() throws {
        let rados = try LiveCluster.connect()
        try LiveCluster.dropPool(rados, "livetest-pool")
        defer { try? LiveCluster.dropPool(rados, "livetest-pool") }
        var create = try LiveCluster.cli(["pool", "create", "livetest-pool", "--pg-num", "8", "--size", "3", "--application", "rbd", "--quota-max-bytes", "1GiB"])
        #expect(create.status == 0, "\(create.stderr)")
        var pool = try #require(try rados.pools().first { $0.name == "livetest-pool" })
        #expect(pool.type == "replicated" && pool.size == 3 && pool.pgNum == 8)
        #expect(pool.applications == ["rbd"])
        #expect(pool.quotaMaxBytes == 1 << 30)

        create = try LiveCluster.cli(["pool", "set", "livetest-pool", "size", "2"])
        #expect(create.status == 0, "\(create.stderr)")
        create = try LiveCluster.cli(["pool", "set", "livetest-pool", "quota_max_objects", "1000"])
        #expect(create.status == 0, "\(create.stderr)")
        pool = try #require(try rados.pools().first { $0.name == "livetest-pool" })
        #expect(pool.size == 2 && pool.quotaMaxObjects == 1000)

        let listed = try LiveCluster.cli(["pool", "ls", "-f", "json"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\"livetest-pool\""))

        let refused = try LiveCluster.cli(["pool", "rm", "livetest-pool"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--yes-i-really-really-mean-it"))
        #expect(try rados.poolID("livetest-pool") != nil)

        let removed = try LiveCluster.cli(["pool", "rm", "livetest-pool", "--yes-i-really-really-mean-it"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try rados.poolID("livetest-pool") == nil)
    }

    @Test("live objects: write, stat, read back, remove")
    func liveObjectRoundTrip() throws {
        let io = try LiveCluster.connect().ioContext(pool: "rbd")
        let data = Array("collective live object".utf8)
        try io.write(object: "livetest-object", data)
        #expect(try io.stat(object: "livetest-object").size == UInt64(data.count))
        #expect(try io.read(object: "livetest-object") == data)
        try io.remove(object: "livetest-object")
        #expect(throws: CephError.self) { try io.stat(object: "livetest-object") }
    }

    // MARK: RBD

    @Test("live rbd round trip: create, resize, info, du, snapshots, clone; rm with snapshots refused")
    func liveRBDRoundTrip() throws {
        let rados = try LiveCluster.connect()
        let rbd = RBDPool(try rados.ioContext(pool: "rbd"))
        for name in ["livetest-child", "livetest-image"] where try rbd.imageNames().contains(name) {
            do {
                let img = try rbd.open(name)
                for s in try img.snapshots() {
                    if s.isProtected { try img.unprotectSnapshot(s.name) }
                    try img.removeSnapshot(s.name)
                }
            }
            try rbd.remove(name)
        }
        var run = try LiveCluster.cli(["rbd", "create", "livetest-image", "--size", "8MiB"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try rbd.imageNames().contains("livetest-image"))
        run = try LiveCluster.cli(["rbd", "resize", "rbd/livetest-image", "--size", "16MiB"])
        #expect(run.status == 0, "\(run.stderr)")
        var image: RBDImage? = try rbd.open("livetest-image")
        #expect(try image!.info().size == 16 << 20)
        // Shrinking needs both flags.
        run = try LiveCluster.cli(["rbd", "resize", "livetest-image", "--size", "4MiB"])
        #expect(run.status != 0)
        #expect(try image!.info().size == 16 << 20)

        try image!.write(Array(repeating: 0xab, count: 4096), at: 0)
        #expect(try image!.usedBytes() == (try image!.info().objectSize))

        run = try LiveCluster.cli(["rbd", "snap", "create", "livetest-image@s1"])
        #expect(run.status == 0, "\(run.stderr)")
        run = try LiveCluster.cli(["rbd", "snap", "protect", "livetest-image@s1"])
        #expect(run.status == 0, "\(run.stderr)")
        let snaps = try image!.snapshots()
        #expect(snaps.map(\.name) == ["s1"] && snaps[0].isProtected)
        run = try LiveCluster.cli(["rbd", "clone", "livetest-image@s1", "livetest-child"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try rbd.imageNames().contains("livetest-child"))

        // An image with snapshots is refused, whatever the flag.
        run = try LiveCluster.cli(["rbd", "rm", "livetest-image", "--yes-i-really-mean-it"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("snapshot"))
        #expect(try rbd.imageNames().contains("livetest-image"))
        // A protected snapshot with a clone cannot be unprotected: librbd says EBUSY.
        #expect {
            try image!.unprotectSnapshot("s1")
        } throws: { error in
            (error as? CephError)?.errno == .busy
        }
        // rm without the flag is refused too.
        run = try LiveCluster.cli(["rbd", "rm", "livetest-child"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--yes-i-really-mean-it"))

        run = try LiveCluster.cli(["rbd", "rm", "livetest-child", "--yes-i-really-mean-it"])
        #expect(run.status == 0, "\(run.stderr)")
        try image!.unprotectSnapshot("s1")
        // Close the image: librbd refuses to remove an image that a client has open (EBUSY).
        image = nil
        run = try LiveCluster.cli(["rbd", "snap", "rm", "livetest-image@s1", "--yes-i-really-mean-it"])
        #expect(run.status == 0, "\(run.stderr)")
        run = try LiveCluster.cli(["rbd", "rm", "livetest-image", "--yes-i-really-mean-it"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try !rbd.imageNames().contains("livetest-image"))
    }

    // MARK: CephFS

    @Test("live fs round trip: mkdir with quota, read the quota back, list, statfs, layout")
    func liveFSRoundTrip() throws {
        let run = try LiveCluster.cli(["fs", "mkdir", "/livetest/a/b", "--max-bytes", "1GiB", "--max-files", "100"])
        #expect(run.status == 0, "\(run.stderr)")
        let fs = try CephFSMount(try LiveCluster.config())
        #expect(try fs.quota("/livetest/a/b") == CephFSMount.Quota(maxBytes: 1 << 30, maxFiles: 100))
        #expect(try fs.entries("/livetest/a") == [CephFSMount.Entry(name: "b", isDirectory: true)])
        let usage = try fs.statfs()
        #expect(usage.totalBytes > 0 && usage.availableBytes <= usage.totalBytes)
        let listed = try LiveCluster.cli(["fs", "ls", "/livetest", "-f", "json"])
        #expect(listed.status == 0 && listed.stdout.contains("\"a\""))
        // A layout: none of its own, then the file system's default data pool, read back.
        let none = try LiveCluster.cli(["fs", "layout", "/livetest/a/b"])
        #expect(none.status == 0 && none.stdout.contains("no layout of its own"), "\(none.stdout)\(none.stderr)")
        let set = try LiveCluster.cli(["fs", "layout", "/livetest/a/b", "--pool", "cephfs_data"])
        #expect(set.status == 0 && set.stdout.contains("pool cephfs_data"), "\(set.stdout)\(set.stderr)")
        #expect(try fs.layoutPool("/livetest/a/b") == "cephfs_data")
        let refused = try LiveCluster.cli(["fs", "layout", "/livetest/a/b", "--pool", "no-such-pool"])
        #expect(refused.status != 0 && refused.stderr.contains("/livetest/a/b"), "\(refused.stderr)")
        try fs.removeDirectory("/livetest/a/b")
        try fs.removeDirectory("/livetest/a")
        try fs.removeDirectory("/livetest")
    }

    // MARK: faults

    @Test("live: an unreachable mon gives ETIMEDOUT within the timeout, not a hang")
    func liveUnreachableMon() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("livetest-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let conf = dir.appendingPathComponent("ceph.conf").path
        try "[global]\nmon_host = 127.0.0.1:1\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let keyring = try LiveCluster.directory + "/keyring"
        #expect {
            _ = try Rados(ClientConfig(confPath: conf, keyringPath: keyring, timeoutSeconds: 2))
        } throws: { error in
            guard let e = error as? CephError else { return false }
            return e.errno == .timedOut && e.description.hasPrefix("cannot connect to the cluster")
        }
        let run = try LiveCluster.run(LiveCluster.collective, ["live", "status", "-c", conf, "--keyring", keyring, "--timeout", "2"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("connection timed out (ETIMEDOUT)"))
    }

    @Test("live: a client whose caps forbid pool creation gets a permission error")
    func livePermissionDenied() throws {
        let rados = try LiveCluster.connect()
        let reply = try rados.run(MonCommand("auth get-or-create", [
            "entity": .string("client.livetest-ro"), "caps": .strings(["mon", "allow r", "osd", "allow r"]),
        ]))
        let keyring = try LiveCluster.directory + "/livetest-ro.keyring"
        try Data(reply.output).write(to: URL(fileURLWithPath: keyring))
        defer {
            try? FileManager.default.removeItem(atPath: keyring)
            _ = try? rados.run(MonCommand("auth del", ["entity": .string("client.livetest-ro")]))
        }
        let ro = try Rados(ClientConfig(confPath: try LiveCluster.confPath, name: "client.livetest-ro", keyringPath: keyring, timeoutSeconds: 10))
        #expect(try ro.poolNames().contains("rbd"))
        #expect {
            try ro.createPool(PoolSpec(name: "livetest-forbidden", pgNum: 8))
        } throws: { error in
            guard let e = error as? CephError else { return false }
            return e.errno == .permissionDenied && e.description.hasPrefix("cannot create pool livetest-forbidden: permission denied (EACCES)")
        }
        #expect(try rados.poolID("livetest-forbidden") == nil)
        let run = try LiveCluster.cli(["pool", "create", "livetest-forbidden", "--id", "livetest-ro", "--keyring", keyring])
        #expect(run.status != 0)
        #expect(run.stderr.contains("permission denied"))
        let image = try LiveCluster.cli(["rbd", "create", "livetest-forbidden", "--size", "1MiB", "--id", "livetest-ro", "--keyring", keyring])
        #expect(image.status != 0)
        #expect(image.stderr.contains("cannot create image livetest-forbidden in pool rbd: operation not permitted (EPERM)"))
    }

    @Test("live: no keyring secret in any output or client log")
    func liveNoSecretInOutput() throws {
        let key = try LiveCluster.adminKey()
        #expect(key.count >= 40)
        let outDir = FileManager.default.temporaryDirectory.appendingPathComponent("livetest-import-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: outDir) }
        let runs: [[String]] = [
            ["status"], ["status", "-f", "json"], ["pool", "ls", "-f", "json"], ["verify"],
            ["rbd", "info", "no-such-image"], ["pool", "set", "no-such-pool", "size", "2"],
            ["import", "-o", outDir], ["status", "--name", "client.nobody"],
            ["status", "--keyring", try LiveCluster.directory + "/keyring"],
        ]
        for args in runs {
            let run = try LiveCluster.cli(args)
            #expect(!run.stdout.contains(key) && !run.stderr.contains(key), "key shown by live \(args.joined(separator: " "))")
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: outDir) {
            let data = try Data(contentsOf: URL(fileURLWithPath: outDir + "/" + file))
            #expect(!String(decoding: data, as: UTF8.self).contains(key), "key in import file \(file)")
        }
        let logs = try LiveCluster.directory + "/log"
        for file in try FileManager.default.contentsOfDirectory(atPath: logs) {
            let data = try Data(contentsOf: URL(fileURLWithPath: logs + "/" + file))
            #expect(!String(decoding: data, as: UTF8.self).contains(key), "key in log \(file)")
        }
    }

    // MARK: import

    @Test("live import writes the maps that the offline osdmap command reads")
    func liveImport() throws {
        let outDir = FileManager.default.temporaryDirectory.appendingPathComponent("livetest-state-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: outDir) }
        let run = try LiveCluster.cli(["import", "-o", outDir])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ClusterSnapshot.files.map(\.name) {
            #expect(FileManager.default.fileExists(atPath: outDir + "/" + file), "\(file)")
        }
        // The offline command maps the imported map; PG 1.0 lands where the cluster says.
        let offline = try LiveCluster.run(LiveCluster.collective, ["osdmap", outDir + "/osd-dump.json", "--crush", outDir + "/crush.bin", "--test-map-pg", "1.0"])
        #expect(offline.status == 0, "\(offline.stderr)")
        let map = try LiveCluster.connect().runJSON(MonCommand("pg map", ["pgid": .string("1.0")]))
        guard case .array(let up)? = map["up"] else { Issue.record("pg map: no up"); return }
        let upText = "[" + up.compactMap { if case .number(let n) = $0 { n.text } else { nil } }.joined(separator: ",") + "]"
        #expect(offline.stdout.contains("up (\(upText),"), "\(offline.stdout) vs \(upText)")
    }

    // MARK: apply

    static let applyPlan = StoragePlan(
        pools: [
            PlannedPool(name: "livetest-vms", type: "replicated", size: 3, minSize: 2, pgNum: 8, rule: "livetest_osd", failureDomain: "osd", application: "rbd"),
            PlannedPool(name: "livetest-media", type: "erasure", size: 3, minSize: 2, pgNum: 8, k: 2, m: 1,
                        erasureCodeProfile: "livetest-media-profile", rule: "livetest_media", failureDomain: "osd",
                        application: "cephfs", allowECOverwrites: true),
        ],
        images: [
            PlannedImage(pool: "livetest-vms", name: "vm-101-disk-0", sizeBytes: 64 << 20, owner: "vm/101"),
            PlannedImage(pool: "livetest-vms", name: "vm-101-disk-1", sizeBytes: 32 << 20, owner: "vm/101"),
            PlannedImage(pool: "livetest-vms", name: "k8s-home-data-0", sizeBytes: 16 << 20, owner: "pvc/home/data-0"),
        ],
        directories: [PlannedDirectory(fileSystem: "cephfs", path: "/livetest-apply/media", quotaBytes: 1 << 30, layoutPool: "livetest-media")])

    static func cleanApply(_ rados: Rados) throws {
        let fs = try CephFSMount(try LiveCluster.config())
        try? fs.removeDirectory("/livetest-apply/media")
        try? fs.removeDirectory("/livetest-apply")
        _ = try? rados.run(MonCommand("fs rm_data_pool", ["fs_name": .string("cephfs"), "pool": .string("livetest-media")]))
        try LiveCluster.dropPool(rados, "livetest-vms")
        try LiveCluster.dropPool(rados, "livetest-media")
    }

    @Test("live apply: creates the plan, and a second apply has nothing to do")
    func liveApplyTwice() throws {
        let rados = try LiveCluster.connect()
        try Self.cleanApply(rados)
        defer { try? Self.cleanApply(rados) }
        let first = try PlanApply(plan: Self.applyPlan, rados: rados)
        #expect(first.actions.count >= 7)
        var done = 0
        try first.execute(rados) { _ in done += 1 }
        #expect(done == first.actions.count)

        let second = try PlanApply(plan: Self.applyPlan, rados: rados)
        #expect(second.actions.isEmpty, "\(second.actions)")
        #expect(second.conflicts.isEmpty, "\(second.conflicts)")
        let rbd = RBDPool(try rados.ioContext(pool: "livetest-vms"))
        #expect(try rbd.imageNames() == ["k8s-home-data-0", "vm-101-disk-0", "vm-101-disk-1"])
        #expect(try rbd.open("vm-101-disk-0").info().size == 64 << 20)
        let media = try #require(try rados.pools().first { $0.name == "livetest-media" })
        #expect(media.type == "erasure" && media.flags.contains("ec_overwrites") && media.applications == ["cephfs"])
        let fs = try CephFSMount(try LiveCluster.config(), fileSystem: "cephfs")
        #expect(try fs.quota("/livetest-apply/media").maxBytes == 1 << 30)
        #expect(try fs.layoutPool("/livetest-apply/media") == "livetest-media")
        #expect(first.actions.contains(.addDataPool(fileSystem: "cephfs", pool: "livetest-media")))
        // A file made there lands in the pool (its first object, <inode hex>.00000000).
        try fs.writeFile("/livetest-apply/media/probe", Array("laid out".utf8))
        let listing = try LiveCluster.run(try #require(Program.path("rados")), ["-c", try LiveCluster.confPath, "-p", "livetest-media", "ls"])
        let objects = listing.stdout.split(separator: "\n")
        #expect(objects.count == 1 && objects.allSatisfy { $0.hasSuffix(".00000000") }, "\(listing.stdout) \(listing.stderr)")
        try fs.removeFile("/livetest-apply/media/probe")

        // The CLI agrees: a plan file applied again reports nothing to do.
        let planFile = try LiveCluster.directory + "/livetest-plan.json"
        let encoder = JSONEncoder()
        try encoder.encode(Self.applyPlan).write(to: URL(fileURLWithPath: planFile))
        let run = try LiveCluster.cli(["apply", planFile, "--execute"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("nothing to do"))
    }

    @Test("live apply: an OSD stopped in the middle leaves it done or cleanly failed, and a rerun converges")
    func liveApplyConvergesAfterOSDStop() throws {
        let rados = try LiveCluster.connect()
        try Self.cleanApply(rados)
        defer { try? Self.cleanApply(rados) }
        let first = try PlanApply(plan: Self.applyPlan, rados: rados)
        var done = 0
        var stopped = false
        var failure: CephError?
        do {
            try first.execute(rados) { _ in
                done += 1
                if !stopped {
                    stopped = true
                    let stop = try? LiveCluster.devCluster(["stop-osd", "1"])
                    #expect(stop?.status == 0, "\(stop?.stderr ?? "")")
                }
            }
        } catch {
            failure = error
        }
        #expect(stopped)
        // Either every change was made, or it stopped at one with a named error.
        if let failure {
            #expect(done < first.actions.count)
            #expect(failure.description.hasPrefix("cannot "))
        } else {
            #expect(done == first.actions.count)
        }
        let start = try LiveCluster.devCluster(["start-osd", "1"])
        #expect(start.status == 0, "\(start.stderr)")
        #expect(try LiveCluster.waitClean(rados))

        let rerun = try PlanApply(plan: Self.applyPlan, rados: rados)
        try rerun.execute(rados) { _ in }
        let third = try PlanApply(plan: Self.applyPlan, rados: rados)
        #expect(third.actions.isEmpty, "\(third.actions)")
        #expect(try RBDPool(try rados.ioContext(pool: "livetest-vms")).imageNames().count == 3)
    }

    @Test("live apply: the default scenario's plan, fitted to the dev cluster, creates its images; a second apply changes nothing; verify agrees")
    func liveApplyDefaultScenario() throws {
        let path = LiveCluster.repository + "/scenarios/borg-collective.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scenario = try Scenario(yaml: text, file: path) { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        // One host, one device class: the fleet's failure domain and classes cannot hold here.
        let plan = PlanFit(failureDomain: "osd", deviceClass: "", maxPGNum: 16).apply(to: scenario.storagePlan())
        #expect(!plan.images.isEmpty)
        let rados = try LiveCluster.connect()
        let first = try PlanApply(plan: plan, rados: rados)
        try first.execute(rados) { _ in }
        let second = try PlanApply(plan: plan, rados: rados)
        #expect(second.actions.isEmpty, "\(second.actions)")
        for image in plan.images {
            let size = try RBDPool(try rados.ioContext(pool: image.pool)).open(image.name).info().size
            #expect(size == image.sizeBytes, "\(image.pool)/\(image.name)")
        }
        let fs = try CephFSMount(try LiveCluster.config(), fileSystem: "cephfs")
        #expect(plan.directories.contains { $0.layoutPool == "cephfs_media" })
        for dir in plan.directories where dir.fileSystem == "cephfs" {
            #expect(try fs.layoutPool(dir.path) == dir.layoutPool, "\(dir.path)")
        }
        #expect(try LiveCluster.waitClean(rados))
        let verification = try PlacementVerification.run(rados, settleSeconds: 30)
        Self.expectAgreement(verification, pools: plan.pools.map(\.name))
    }
}
#endif
