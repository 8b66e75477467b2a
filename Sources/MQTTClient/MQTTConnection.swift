#if MQTT
import CMosquitto
#if canImport(Glibc)
import Glibc
#endif

/// A client connection to an MQTT broker through libmosquitto (`struct mosquitto`), in the
/// manner of swift-system: each method calls the C function and turns its return code into an
/// `MQTTError` naming the operation and the broker. No call waits longer than the options'
/// `timeout`: the client drives libmosquitto's network loop itself (`mosquitto_loop`, in steps
/// of at most 100 ms) until the broker answers or the time is up. (A host name is looked up
/// with the system's blocking resolver before the timeout applies; use an address where that
/// matters.)
///
/// The handle owns its `struct mosquitto`: `deinit` destroys it (`mosquitto_destroy`), and
/// the library is cleaned up when the last handle goes (`MosquittoLibrary`). A connection is
/// used from one task at a time.
public final class MQTTConnection {
    public let options: MQTTConnectionOptions
    private let handle: OpaquePointer
    private let events: Events
    /// The broker accepted the connection and it has not been lost or closed since.
    public var isConnected: Bool { events.connack == 0 && events.disconnected == nil }

    /// What libmosquitto's callbacks report, read by the waiting loops.
    private final class Events {
        var connack: Int32?
        var disconnected: Int32?
        var acknowledged: Set<Int32> = []
        var subscribed: Set<Int32> = []
        var inbox: [MQTTMessage] = []
    }

    /// Makes the client (`mosquitto_new`) and sets its credentials (`mosquitto_username_pw_set`),
    /// TLS (`mosquitto_tls_set`, `mosquitto_tls_insecure_set`) and last will
    /// (`mosquitto_will_set`). Does not connect.
    public init(options: MQTTConnectionOptions) throws(MQTTError) {
        self.options = options
        self.events = Events()
        MosquittoLibrary.retain()
        guard let handle = mosquitto_new(options.clientID, true, Unmanaged.passUnretained(events).toOpaque()) else {
            let reason = String(cString: strerror(errno))
            MosquittoLibrary.release()
            throw MQTTError(.configure, broker: options.brokerAddress, reason: .library(code: -1, message: "mosquitto_new: " + reason))
        }
        self.handle = handle
        mosquitto_connect_callback_set(handle) { _, context, code in
            guard let context else { return }
            Unmanaged<Events>.fromOpaque(context).takeUnretainedValue().connack = code
        }
        mosquitto_disconnect_callback_set(handle) { _, context, code in
            guard let context else { return }
            Unmanaged<Events>.fromOpaque(context).takeUnretainedValue().disconnected = code
        }
        mosquitto_publish_callback_set(handle) { _, context, mid in
            guard let context else { return }
            Unmanaged<Events>.fromOpaque(context).takeUnretainedValue().acknowledged.insert(mid)
        }
        mosquitto_subscribe_callback_set(handle) { _, context, mid, _, _ in
            guard let context else { return }
            Unmanaged<Events>.fromOpaque(context).takeUnretainedValue().subscribed.insert(mid)
        }
        mosquitto_message_callback_set(handle) { _, context, message in
            guard let context, let message = message?.pointee else { return }
            let payload = message.payloadlen > 0 && message.payload != nil
                ? Array(UnsafeRawBufferPointer(start: message.payload, count: Int(message.payloadlen))) : []
            let received = MQTTMessage(
                topic: message.topic.map { String(cString: $0) } ?? "", payload: payload,
                qos: MQTTQoS(rawValue: message.qos) ?? .atMostOnce, retain: message.retain)
            Unmanaged<Events>.fromOpaque(context).takeUnretainedValue().inbox.append(received)
        }
        if let username = options.username {
            try check(mosquitto_username_pw_set(handle, username, options.password), .configure)
        }
        if let tls = options.tls {
            let caPath = tls.caFile == nil ? (tls.caPath ?? MQTTTLS.systemCAPath) : tls.caPath
            try check(mosquitto_tls_set(handle, tls.caFile, caPath, tls.certFile, tls.keyFile, nil), .configure,
                      detail: "TLS files (cafile, cert, key) unreadable or inconsistent")
            try check(mosquitto_tls_insecure_set(handle, tls.insecure), .configure)
        }
        if let will = options.will {
            let code = will.payload.withUnsafeBytes { bytes in
                mosquitto_will_set(handle, will.topic, Int32(bytes.count), bytes.baseAddress, will.qos.rawValue, will.retain)
            }
            try check(code, .configure, topic: will.topic)
        }
    }

    deinit {
        mosquitto_destroy(handle)
        MosquittoLibrary.release()
    }

    /// Connects and waits for the broker's CONNACK. The corresponding C function is
    /// `mosquitto_connect_async`; a refusal carries `mosquitto_connack_string`'s reason.
    public func connect() throws(MQTTError) {
        events.connack = nil
        events.disconnected = nil
        errno = 0
        let code = mosquitto_connect_async(handle, options.host, Int32(options.port), Int32(options.keepalive))
        try check(code, .connect)
        try wait(.connect) { events.connack != nil }
        if let connack = events.connack, connack != 0 {
            throw MQTTError(.connect, broker: options.brokerAddress,
                            reason: .refused(code: connack, message: MosquittoLibrary.connackMessage(connack)))
        }
    }

    /// Publishes the messages and waits until the broker has them: a PUBACK (QoS 1) or
    /// PUBCOMP (QoS 2) for each, or for QoS 0 until each has been written to the socket.
    /// The corresponding C function is `mosquitto_publish`.
    public func publish(_ messages: [MQTTMessage]) throws(MQTTError) {
        var pending: [(mid: Int32, topic: String)] = []
        for message in messages {
            var mid: Int32 = 0
            let code = message.payload.withUnsafeBytes { bytes in
                mosquitto_publish(handle, &mid, message.topic, Int32(bytes.count), bytes.baseAddress, message.qos.rawValue, message.retain)
            }
            try check(code, .publish, topic: message.topic)
            pending.append((mid, message.topic))
        }
        try wait(.publish, topic: pending.first(where: { !events.acknowledged.contains($0.mid) })?.topic) {
            pending.allSatisfy { events.acknowledged.contains($0.mid) }
        }
        for (mid, _) in pending { events.acknowledged.remove(mid) }
    }

    public func publish(_ message: MQTTMessage) throws(MQTTError) {
        try publish([message])
    }

    /// Subscribes to a topic filter (`+` and `#` wildcards) and waits for the SUBACK. The
    /// corresponding C function is `mosquitto_subscribe`.
    public func subscribe(_ filter: String, qos: MQTTQoS = .atLeastOnce) throws(MQTTError) {
        var mid: Int32 = 0
        try check(mosquitto_subscribe(handle, &mid, filter, qos.rawValue), .subscribe, topic: filter)
        try wait(.subscribe, topic: filter) { events.subscribed.contains(mid) }
    }

    /// The next message of a subscription, or nil when none comes within `timeout`.
    public func receive(timeout: Duration) throws(MQTTError) -> MQTTMessage? {
        do throws(MQTTError) {
            try wait(.receive, within: timeout) { !events.inbox.isEmpty }
        } catch let error where error.reason == .timedOut(timeout) {
            return nil
        }
        return events.inbox.removeFirst()
    }

    /// Lets libmosquitto do its housekeeping without waiting (keepalive pings, reading what
    /// arrived); throws when the connection is found lost.
    public func poll() throws(MQTTError) {
        try check(mosquitto_loop(handle, 0, 1), .receive)
        if let code = events.disconnected {
            throw MQTTError(.receive, broker: options.brokerAddress, reason: .connectionLost(MosquittoLibrary.message(code)))
        }
    }

    /// Says goodbye (DISCONNECT: the broker does not publish the will) and waits until the
    /// connection is closed. The corresponding C function is `mosquitto_disconnect`.
    public func disconnect() throws(MQTTError) {
        let code = mosquitto_disconnect(handle)
        if code == Int32(MOSQ_ERR_NO_CONN.rawValue) { return }
        try check(code, .disconnect)
        try wait(.disconnect, allowsDisconnection: true) { events.disconnected != nil }
    }

    // MARK: - The loop

    private func check(_ code: Int32, _ operation: MQTTError.Operation, topic: String? = nil, detail: String? = nil) throws(MQTTError) {
        guard code != Int32(MOSQ_ERR_SUCCESS.rawValue) else { return }
        throw failure(code, operation, topic: topic, detail: detail)
    }

    private func failure(_ code: Int32, _ operation: MQTTError.Operation, topic: String?, detail: String? = nil) -> MQTTError {
        var message: String
        if code == Int32(MOSQ_ERR_ERRNO.rawValue), errno != 0 {
            message = String(cString: strerror(errno))
        } else {
            message = MosquittoLibrary.message(code)
        }
        if let detail { message += " (" + detail + ")" }
        if code == Int32(MOSQ_ERR_CONN_LOST.rawValue) || code == Int32(MOSQ_ERR_NO_CONN.rawValue) {
            return MQTTError(operation, broker: options.brokerAddress, topic: topic, reason: .connectionLost(message))
        }
        return MQTTError(operation, broker: options.brokerAddress, topic: topic, reason: .library(code: code, message: message))
    }

    /// Runs libmosquitto's network loop until `done` holds, the connection is lost, or the
    /// time (the options' timeout unless given) is up.
    private func wait(
        _ operation: MQTTError.Operation, topic: String? = nil, within limit: Duration? = nil,
        allowsDisconnection: Bool = false, until done: () -> Bool
    ) throws(MQTTError) {
        let limit = limit ?? options.timeout
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while !done() {
            if !allowsDisconnection, let code = events.disconnected {
                let message = operation == .connect && code == Int32(MOSQ_ERR_CONN_LOST.rawValue)
                    ? "the broker closed the connection before answering" : MosquittoLibrary.message(code)
                throw MQTTError(operation, broker: options.brokerAddress, topic: topic, reason: .connectionLost(message))
            }
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                throw MQTTError(operation, broker: options.brokerAddress, topic: topic, reason: .timedOut(limit))
            }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = seconds >= 1 ? 100 : max(1, min(100, Int32(attoseconds / 1_000_000_000_000_000)))
            errno = 0
            let code = mosquitto_loop(handle, milliseconds, 1)
            if code != Int32(MOSQ_ERR_SUCCESS.rawValue) {
                if done() { return }
                if operation == .connect, events.connack != nil { return }
                throw failure(code, operation, topic: topic)
            }
        }
    }
}
#endif
