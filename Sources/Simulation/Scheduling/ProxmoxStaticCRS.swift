/// The Proxmox HA cluster resource scheduler in `static` mode: it scores the nodes a service
/// could start on by the load each node would carry with the service on it, counting only the
/// configured size of HA services (cores, memory), never what the guests really use. Matches
/// `score_nodes_to_start_service` of the proxmox-resource-scheduling crate (`pve_static.rs`):
/// for each candidate, the CPU and memory load of every node as a fraction of its `maxcpu` /
/// `maxmem` (a service with 0 cores counts the node's full `maxcpu`), then four TOPSIS criteria,
/// all minimised, with weights 1 (root mean square CPU), 2 (highest CPU), 5 (root mean square
/// memory) and 10 (highest memory), each value plus 1 so tiny differences are not inflated.
public enum ProxmoxStaticCRS {
    /// A node as the static scheduler sees it: its size and the summed size of the HA services
    /// counted on it.
    public struct NodeUsage: Sendable, Equatable {
        public var name: String
        public var maxCPU: Double
        public var maxMemory: Double
        public var cpu: Double
        public var memory: Double

        public init(name: String, maxCPU: Double, maxMemory: Double, cpu: Double = 0, memory: Double = 0) {
            self.name = name
            self.maxCPU = maxCPU
            self.maxMemory = maxMemory
            self.cpu = cpu
            self.memory = memory
        }

        /// Counts a service on the node (`add_service_usage`): a service with 0 CPUs (no
        /// limit) counts the node's whole `maxcpu` (`add_cpu_usage`).
        public mutating func add(cpu serviceCPU: Double, memory serviceMemory: Double) {
            cpu += serviceCPU == 0 ? maxCPU : serviceCPU
            memory += serviceMemory
        }
    }

    /// Scores 0…1 (higher is better) for starting a service of `cpu` cores and `memory` bytes
    /// on each node, in the nodes' order.
    public static func scores(nodes: [NodeUsage], cpu: Double, memory: Double) -> [Double] {
        let count = Double(nodes.count)
        let matrix: [[Double]] = nodes.indices.map { target in
            var highestCPU = 0.0
            var squaresCPU = 0.0
            var highestMemory = 0.0
            var squaresMemory = 0.0
            for (index, node) in nodes.enumerated() {
                var newCPU = node.cpu
                var newMemory = node.memory
                if index == target {
                    newCPU += cpu == 0 ? node.maxCPU : cpu
                    newMemory += memory
                }
                let cpuLoad = newCPU / node.maxCPU
                let memoryLoad = newMemory / node.maxMemory
                highestCPU = max(highestCPU, cpuLoad)
                squaresCPU += cpuLoad * cpuLoad
                highestMemory = max(highestMemory, memoryLoad)
                squaresMemory += memoryLoad * memoryLoad
            }
            return [
                1 + (squaresCPU / count).squareRoot(), 1 + highestCPU,
                1 + (squaresMemory / count).squareRoot(), 1 + highestMemory,
            ]
        }
        return TOPSIS.scores(matrix, criteria: [.init(-1), .init(-2), .init(-5), .init(-10)])
    }
}
