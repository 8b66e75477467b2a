#if Live
import ArgumentParser
import CephLive

/// `collective live rbd ls|create|resize|info|du|snap|clone|rm`. Images are written
/// `[POOL/]IMAGE[@SNAP]` as the `rbd` tool writes them; -p/--pool gives the default pool.
struct LiveRBDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rbd", abstract: "RBD images: list, create, resize, inspect, snapshot, clone, remove.",
        subcommands: [List.self, Create.self, Resize.self, Info.self, DiskUsage.self, Snap.self, Clone.self, Remove.self])

    /// The pool option of every rbd command.
    struct PoolOption: ParsableArguments {
        @Option(name: [.short, .customLong("pool")], help: "Pool of images given without POOL/.")
        var pool: String = "rbd"
    }

    static func images(_ options: LiveOptions, _ pool: String) throws -> RBDPool {
        RBDPool(try options.connect().ioContext(pool: pool))
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "Images in a pool.")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption

        func run() throws {
            let names = try images(options, poolOption.pool).imageNames()
            try LiveOutput.emit(names, options.format) { names.joined(separator: "\n") }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an image.")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]IMAGE") var image: ImageSpec
        @Option(name: [.short, .long], help: "Size, e.g. 10GiB.") var size: SizeArgument

        func run() throws {
            try images(options, image.pool(poolOption.pool)).create(image.image, size: size.bytes)
            try LiveOutput.done("image '\(image)' created", options.format)
        }
    }

    struct Resize: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resize", abstract: "Grow an image; shrinking needs --allow-shrink and --yes-i-really-mean-it.")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]IMAGE") var image: ImageSpec
        @Option(name: [.short, .long], help: "New size, e.g. 20GiB.") var size: SizeArgument
        @Flag(help: "Allow a smaller size (data past the end is lost).") var allowShrink = false
        @Flag(name: .customLong("yes-i-really-mean-it"), help: "Confirm a shrink.") var confirmed = false

        func run() throws {
            let img = try images(options, image.pool(poolOption.pool)).open(image.image)
            let current = try img.info().size
            if size.bytes < current && !(allowShrink && confirmed) {
                throw LiveRefusal("shrinking image '\(image)' from \(current) to \(size.bytes) bytes discards data: pass --allow-shrink --yes-i-really-mean-it")
            }
            try img.resize(to: size.bytes)
            try LiveOutput.done("image '\(image)' resized to \(size.bytes) bytes", options.format)
        }
    }

    struct ImageInfo: Encodable {
        var pool: String
        var name: String
        var size: UInt64
        var objectSize: UInt64
        var objects: UInt64
        var order: Int
        var features: UInt64
        var snapshots: Int
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "info", abstract: "Size, object size, features and snapshot count.")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]IMAGE") var image: ImageSpec

        func run() throws {
            let pool = image.pool(poolOption.pool)
            let img = try images(options, pool).open(image.image)
            let i = try img.info()
            let info = ImageInfo(
                pool: pool, name: image.image, size: i.size, objectSize: i.objectSize, objects: i.objectCount,
                order: i.order, features: i.features, snapshots: try img.snapshots().count)
            try LiveOutput.emit(info, options.format) {
                "rbd image '\(pool)/\(info.name)': size \(info.size) bytes in \(info.objects) objects, order \(info.order) (\(info.objectSize) bytes objects), features 0x\(String(info.features, radix: 16)), \(info.snapshots) snapshots"
            }
        }
    }

    struct Usage: Encodable {
        var name: String
        var provisioned: UInt64
        var used: UInt64
    }

    struct DiskUsage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "du", abstract: "Provisioned and used bytes of one image or all in a pool.")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]IMAGE; all images of the pool when absent.") var image: ImageSpec?

        func run() throws {
            let pool = image?.pool(poolOption.pool) ?? poolOption.pool
            let rbd = try images(options, pool)
            let names = try image.map { [$0.image] } ?? rbd.imageNames()
            var rows: [Usage] = []
            for name in names {
                let img = try rbd.open(name)
                rows.append(Usage(name: name, provisioned: try img.info().size, used: try img.usedBytes()))
            }
            try LiveOutput.emit(rows, options.format) {
                (["NAME PROVISIONED USED"] + rows.map { "\($0.name) \($0.provisioned) \($0.used)" }).joined(separator: "\n")
            }
        }
    }

    struct Snap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snap", abstract: "Snapshots: create, ls, rm, protect, unprotect.",
            subcommands: [SnapCreate.self, SnapList.self, SnapRemove.self, SnapProtect.self, SnapUnprotect.self])
    }

    /// `[POOL/]IMAGE@SNAP` with the connection and pool options: what every snapshot change takes.
    struct SnapshotTarget: ParsableArguments {
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]IMAGE@SNAP") var image: ImageSpec

        /// Opens the image, applies `change` to the snapshot, and reports "snapshot … `done`".
        func perform(_ done: String, _ change: (RBDImage, String) throws -> Void) throws {
            let snap = try image.requireSnapshot()
            try change(try images(options, image.pool(poolOption.pool)).open(image.image), snap)
            try LiveOutput.done("snapshot '\(image)' \(done)", options.format)
        }
    }

    struct SnapCreate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create IMAGE@SNAP.")
        @OptionGroup var target: SnapshotTarget
        func run() throws { try target.perform("created") { try $0.createSnapshot($1) } }
    }

    struct SnapList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "Snapshots of an image.")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]IMAGE") var image: ImageSpec

        struct Row: Encodable { var id: UInt64; var name: String; var size: UInt64; var protected: Bool }

        func run() throws {
            let snaps = try images(options, image.pool(poolOption.pool)).open(image.image).snapshots()
            let rows = snaps.map { Row(id: $0.id, name: $0.name, size: $0.size, protected: $0.isProtected) }
            try LiveOutput.emit(rows, options.format) {
                (["SNAPID NAME SIZE PROTECTED"] + rows.map { "\($0.id) \($0.name) \($0.size) \($0.protected ? "yes" : "no")" }).joined(separator: "\n")
            }
        }
    }

    struct SnapRemove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove IMAGE@SNAP (needs --yes-i-really-mean-it).")
        @OptionGroup var target: SnapshotTarget
        @Flag(name: .customLong("yes-i-really-mean-it"), help: "Confirm.") var confirmed = false

        func run() throws {
            guard confirmed else { throw LiveRefusal("removing snapshot '\(target.image)' discards it: pass --yes-i-really-mean-it") }
            try target.perform("removed") { try $0.removeSnapshot($1) }
        }
    }

    struct SnapProtect: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "protect", abstract: "Protect IMAGE@SNAP (clones need it).")
        @OptionGroup var target: SnapshotTarget
        func run() throws { try target.perform("protected") { try $0.protectSnapshot($1) } }
    }

    struct SnapUnprotect: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unprotect", abstract: "Unprotect IMAGE@SNAP.")
        @OptionGroup var target: SnapshotTarget
        func run() throws { try target.perform("unprotected") { try $0.unprotectSnapshot($1) } }
    }

    struct Clone: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clone", abstract: "Clone PARENT@SNAP into a new image.")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]PARENT@SNAP") var parent: ImageSpec
        @Argument(help: "[POOL/]CHILD") var child: ImageSpec

        func run() throws {
            let snap = try parent.requireSnapshot()
            let rados = try options.connect()
            let parentIO = try rados.ioContext(pool: parent.pool(poolOption.pool))
            let childIO = try rados.ioContext(pool: child.pool(poolOption.pool))
            try RBDPool(childIO).clone(child.image, from: parent.image, snapshot: snap, in: parentIO)
            try LiveOutput.done("image '\(child)' cloned from '\(parent)'", options.format)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove an image (needs --yes-i-really-mean-it; refused while it has snapshots).")
        @OptionGroup var options: LiveOptions
        @OptionGroup var poolOption: PoolOption
        @Argument(help: "[POOL/]IMAGE") var image: ImageSpec
        @Flag(name: .customLong("yes-i-really-mean-it"), help: "Confirm that the image's data goes.") var confirmed = false

        func run() throws {
            guard confirmed else { throw LiveRefusal("removing image '\(image)' destroys its data: pass --yes-i-really-mean-it") }
            let rbd = try images(options, image.pool(poolOption.pool))
            let snaps = try rbd.open(image.image).snapshots()
            if !snaps.isEmpty {
                throw LiveRefusal("image '\(image)' has \(snaps.count) snapshot\(snaps.count == 1 ? "" : "s") (\(snaps.map(\.name).joined(separator: ", "))): remove them first (rbd snap rm)")
            }
            try rbd.remove(image.image)
            try LiveOutput.done("image '\(image)' removed", options.format)
        }
    }
}
#endif
