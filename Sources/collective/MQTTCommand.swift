import ArgumentParser
import Foundation
import HomeAssistant
import Simulation
import Synchronization
#if MQTT
import MQTTClient
#endif

/// `collective mqtt …`: the cluster's figures as Home Assistant entities on an MQTT broker.
struct MQTTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mqtt",
        abstract: "Publish the cluster's state to an MQTT broker for Home Assistant (needs the MQTT trait).",
        subcommands: [MQTTPublishCommand.self, MQTTWatchCommand.self]
    )
}

/// What `publish` and `watch` share: the scenario, the broker and the topics.
struct MQTTPublishOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML).") var scenario: String = ScenarioFile.defaultPath
    @Option(help: "The broker: mqtt://[user@]host[:port] (1883) or mqtts://… (TLS, 8883).") var url: String
    @OptionGroup var broker: MQTTBrokerOptions
    @OptionGroup var topics: MQTTTopicOptions
    @Option(help: "Seconds any one broker call may take (connect, acknowledgements, disconnect).") var timeout: Double = 10
}

/// How to reach the broker: credentials, TLS and client id (also taken by `collective live
/// watch` and `collective simulate --mqtt`).
struct MQTTBrokerOptions: ParsableArguments {
    @Option(help: "User name (instead of user@ in the URL).") var username: String?
    @Option(name: .customLong("password-file"), help: "A file holding the password (its first line); never printed.") var passwordFile: String?
    @Option(help: "PEM file of the CAs that sign the broker's certificate (turns TLS on).") var cafile: String?
    @Option(help: "Directory of PEM CA certificates (turns TLS on).") var capath: String?
    @Option(help: "The client's certificate (PEM) for brokers that ask for one.") var cert: String?
    @Option(help: "The client's private key (PEM).") var key: String?
    @Flag(help: "Do not check that the broker's certificate names the host.") var insecure = false
    @Option(name: .customLong("client-id"), help: "The MQTT client id (default: collective-NODE_ID; simulate: collective-simulate-PID).") var clientID: String?
}

/// Where the states go (also taken by `collective live watch`).
struct MQTTTopicOptions: ParsableArguments {
    @Option(help: "Topic prefix of the states and the availability.") var prefix = "collective"
    @Option(name: .customLong("node-id"), help: "Home Assistant node id (default: the scenario's name; live: ceph_FSID).") var nodeID: String?
    @Option(name: .customLong("discovery-prefix"), help: "Home Assistant's discovery prefix.") var discoveryPrefix = "homeassistant"
}

/// `collective mqtt publish`: one shot.
struct MQTTPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the scenario's cluster once: discovery configs, availability and states, retained.",
        discussion: "States go to PREFIX/NODE_ID/OBJECT_ID, availability to PREFIX/NODE_ID/availability (online; offline as the last will), configs to DISCOVERY_PREFIX/COMPONENT/NODE_ID/OBJECT_ID/config."
    )

    @OptionGroup var options: MQTTPublishOptions

    func run() async throws {
        #if MQTT
        let setup = try MQTTSetup(options)
        let entities = try setup.entities()
        do throws(MQTTError) {
            let connection = try MQTTConnection(options: setup.connection)
            try connection.connect()
            try connection.publish(setup.publication.messages(entities).map(MQTTSetup.message))
            try connection.disconnect()
        } catch {
            throw MQTTSetup.fail(error.description)
        }
        print("published \(entities.count) entities to \(setup.connection.description) under \(options.topics.prefix)/\(setup.publication.nodeID)")
        #else
        throw MQTTTraitMissing.failure
        #endif
    }
}

/// `collective mqtt watch`: the loop.
struct MQTTWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Publish the scenario's cluster every interval; survive broker outages and reconnect.",
        discussion: "Runs until interrupted (then publishes offline and disconnects). The scenario file is read again each round; a file that no longer loads keeps the last state."
    )

    @OptionGroup var options: MQTTPublishOptions
    @Option(help: "Seconds between rounds.") var interval: Double = 30

    func run() async throws {
        #if MQTT
        guard interval > 0 else { throw ValidationError("--interval must be more than 0") }
        let setup = try MQTTSetup(options)
        let loop = MQTTPublishLoop(options: setup.connection, interval: .milliseconds(Int64(interval * 1000))) { line in
            FileHandle.standardError.write(Data(("collective mqtt watch: " + line + "\n").utf8))
        }
        let task = Task {
            await loop.run {
                try setup.publication.messages(setup.entities()).map(MQTTSetup.message)
            }
        }
        let signals = StopSignals { task.cancel() }
        await task.value
        withExtendedLifetime(signals) {}
        #else
        throw MQTTTraitMissing.failure
        #endif
    }
}

/// A build without the MQTT trait: says how to get one, exit status 1.
enum MQTTTraitMissing {
    static var failure: ExitCode {
        FileHandle.standardError.write(Data(
            "this collective was built without MQTT support: build with `swift build --traits MQTT` (needs libmosquitto-dev)\n".utf8))
        return ExitCode(1)
    }
}

#if MQTT
/// The broker connection and the publication the options describe.
struct MQTTSetup: Sendable {
    var scenarioPath: String
    var connection: MQTTConnectionOptions
    var publication: Publication

    init(_ options: MQTTPublishOptions) throws {
        let scenario = try ScenarioFile.loadOrExit(options.scenario)
        try self.init(
            url: options.url, timeout: options.timeout, broker: options.broker, topics: options.topics,
            nodeID: options.topics.nodeID ?? ObjectID.sanitized(scenario.name), name: "Collective " + scenario.name,
            model: "Ceph cluster (scenario \(scenario.name))")
        scenarioPath = options.scenario
    }

    /// The connection and publication for a broker URL and a device (node id, name, model).
    init(
        url: String, timeout: Double, broker: MQTTBrokerOptions, topics: MQTTTopicOptions, nodeID: String, name: String,
        model: String
    ) throws {
        do {
            publication = try Publication(
                prefix: topics.prefix, nodeID: nodeID, discoveryPrefix: topics.discoveryPrefix,
                device: Device(identifiers: ["collective_" + nodeID], name: name, model: model))
        } catch {
            throw ValidationError(error.description)
        }
        connection = try broker.connection(
            url: url, timeout: timeout, clientID: "collective-" + nodeID, will: Self.message(publication.offlineMessage))
        scenarioPath = ""
    }

    /// The scenario's entities, read from the file now.
    func entities() throws -> [Entity] {
        ClusterEntities.scenario(try ScenarioFile.load(scenarioPath))
    }

    /// A retained message, sent at QoS 1.
    static func message(_ message: RetainedMessage) -> MQTTMessage {
        MQTTMessage(topic: message.topic, text: message.payload, qos: .atLeastOnce, retain: true)
    }

    /// Prints `text` on stderr and exits with status 1.
    static func fail(_ text: String) -> ExitCode {
        FileHandle.standardError.write(Data((text + "\n").utf8))
        return ExitCode(1)
    }
}

extension MQTTBrokerOptions {
    /// The connection the URL and these options describe (`clientID` unless --client-id),
    /// checked: a password needs a user name, --cert goes with --key, the timeout is positive.
    func connection(url text: String, timeout: Double, clientID: String, will: MQTTMessage? = nil) throws -> MQTTConnectionOptions {
        let url: MQTTBrokerURL
        do { url = try MQTTBrokerURL(parsing: text) } catch { throw ValidationError(error.description) }
        var password: String?
        if let file = passwordFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read the password file \(file)")
            }
            password = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }
        let username = self.username ?? url.username
        if password != nil && username == nil {
            throw ValidationError("a password needs a user name: --username or mqtt://user@host")
        }
        if (cert == nil) != (key == nil) {
            throw ValidationError("--cert and --key go together")
        }
        var tls: MQTTTLS?
        if url.usesTLS || cafile != nil || capath != nil || cert != nil {
            tls = MQTTTLS(caFile: cafile, caPath: capath, certFile: cert, keyFile: key, insecure: insecure)
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0") }
        return MQTTConnectionOptions(
            host: url.host, port: url.port(usingTLS: tls != nil), clientID: self.clientID ?? clientID,
            username: username, password: password, tls: tls, will: will, timeout: .milliseconds(Int64(timeout * 1000)))
    }
}

/// SIGINT and SIGTERM stop the watch loop cleanly instead of killing the process.
final class StopSignals {
    private let sources: [DispatchSourceSignal]

    init(_ stop: @escaping @Sendable () -> Void) {
        // A parent may have blocked them (the mask is inherited): unblock, then handle.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    /// The signals do what they did before (end the process).
    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// A stop asked for from another thread (a signal handler), polled by a loop.
final class StopRequest: Sendable {
    private let raised = Atomic<Bool>(false)

    func raise() { raised.store(true, ordering: .relaxed) }
    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
#endif
