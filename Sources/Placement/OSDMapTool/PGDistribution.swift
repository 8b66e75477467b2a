import CRUSH

/// What `osdmaptool --test-map-pgs` (and its `-dump`, `-dump-all` variants) computes and
/// prints: every PG of every pool (or of `--pool`) mapped to its acting set, optionally one
/// line per PG, then per OSD that is in and has CRUSH weight: how many PGs it holds, how many
/// it holds first, how many as primary, its CRUSH weight and reweight; then the average and
/// standard deviation, the expected deviation, the least and most loaded OSDs, and how many
/// PGs got each number of OSDs.
///
/// The arithmetic is osdmaptool's: `avg` is an integer division; the deviation is taken
/// from that integer average; the expected deviation is `sqrt(total/in × (1 - 1/in))`;
/// numbers print as C++ streams print them (`%g`), a 0/0 as glibc prints x86's NaN, `-nan`.
struct PGDistribution {
    enum Listing: Sendable {
        case none
        /// `--test-map-pgs-dump`: `PGID<TAB>[acting]<TAB>primary`.
        case dump
        /// `--test-map-pgs-dump-all`: raw, up and acting sets with their primaries.
        case dumpAll
    }

    let map: OSDMap
    let pool: Int64?
    let listing: Listing
    let threads: Int

    /// Counts over a range of PGs, and their listing lines.
    struct Tally: Sendable {
        var count: [Int]
        var first: [Int]
        var primary: [Int]
        var sizes: [Int] = []
        var text = ""

        init(osds: Int) {
            count = Array(repeating: 0, count: osds)
            first = count
            primary = count
        }

        mutating func add(_ other: Tally) {
            for i in count.indices {
                count[i] += other.count[i]
                first[i] += other.first[i]
                primary[i] += other.primary[i]
            }
            if sizes.count < other.sizes.count {
                sizes.append(contentsOf: repeatElement(0, count: other.sizes.count - sizes.count))
            }
            for i in other.sizes.indices { sizes[i] += other.sizes[i] }
        }
    }

    /// The pools tested and the tally of each slice of their PGs, in output order.
    struct Result {
        let map: OSDMap
        let pools: [Pool]
        let slices: [[Tally]]

        func write(_ emit: (String) -> Void) {
            let n = map.osds.count
            var total = Tally(osds: n)
            for (pool, slices) in zip(pools, slices) {
                emit("pool \(pool.id) pg_num \(pool.pgNum)\n")
                for slice in slices {
                    if !slice.text.isEmpty { emit(slice.text) }
                    total.add(slice)
                }
            }
            emit(statistics(total))
        }

        func statistics(_ t: Tally) -> String {
            var out = "#osd\tcount\tfirst\tprimary\tc wt\twt\n"
            let crushWeights = Self.deviceWeights(map.crush)
            var sum: UInt64 = 0
            var inCount = 0
            var minOSD = -1
            var maxOSD = -1
            var counted: [Int] = []
            for i in 0..<map.osds.count {
                guard map.osds[i].isIn, let cw = crushWeights[Int32(i)], cw > 0 else { continue }
                inCount += 1
                counted.append(i)
                let crushWeight = Float(cw) / Float(0x10000)
                let reweight = Float(map.osds[i].weight) / Float(OSD.weightIn)
                out += "osd.\(i)\t\(t.count[i])\t\(t.first[i])\t\(t.primary[i])\t"
                    + Self.g(Double(crushWeight)) + "\t" + Self.g(Double(reweight)) + "\n"
                sum += UInt64(t.count[i])
                if t.count[i] != 0 && (minOSD < 0 || t.count[i] < t.count[minOSD]) { minOSD = i }
                if t.count[i] != 0 && (maxOSD < 0 || t.count[i] > t.count[maxOSD]) { maxOSD = i }
            }
            let avg: UInt64 = inCount > 0 ? sum / UInt64(inCount) : 0
            var dev = 0.0
            for i in counted {
                // (avg - count)² in uint64, as the C++ computes it: the wrap cancels out.
                let d = avg &- UInt64(t.count[i])
                dev += Double(d &* d)
            }
            dev /= Double(inCount)
            dev = dev.squareRoot()
            let inD = Double(inCount)
            let expected = (Double(sum) / inD * (1.0 - (1.0 / inD))).squareRoot()
            out += " in \(inCount)\n"
            out += " avg \(avg) stddev \(Self.g(dev)) (\(Self.g(dev / Double(avg)))x)"
                + " (expected \(Self.g(expected)) \(Self.g(expected / Double(avg)))x))\n"
            if minOSD >= 0 { out += " min osd.\(minOSD) \(t.count[minOSD])\n" }
            if maxOSD >= 0 { out += " max osd.\(maxOSD) \(t.count[maxOSD])\n" }
            for (size, pgs) in t.sizes.enumerated() where pgs != 0 {
                out += "size \(size)\t\(pgs)\n"
            }
            return out
        }

        /// `%g` as a C++ stream prints a double; any NaN as glibc prints the NaN that x86's
        /// 0/0 produces (sign bit set).
        static func g(_ value: Double) -> String {
            value.isNaN ? "-nan" : DecimalFormat.general(value)
        }

        /// `get_item_weight` of every device: its weight in the first bucket, in slot order,
        /// that holds it.
        static func deviceWeights(_ crush: CrushMap) -> [Int32: Int32] {
            var weights: [Int32: Int32] = [:]
            for bucket in crush.buckets {
                guard let bucket else { continue }
                for (position, item) in bucket.items.enumerated() where item >= 0 && weights[item] == nil {
                    weights[item] = Int32(bitPattern: bucket.itemWeight(at: position))
                }
            }
            return weights
        }
    }

    func compute() async -> Result {
        let pools = map.sortedPools.filter { pool == nil || $0.id == pool }
        let tables = PlacementTables(map)
        let map = self.map
        let listing = self.listing
        // Slices of about equal work, several per thread, so that threads finish together.
        let totalPGs = pools.reduce(0) { $0 + Int($1.pgNum) }
        let sliceSize = max(256, totalPGs / max(1, threads * 8))
        var jobs: [(pool: Int, slice: Int, range: Range<UInt32>)] = []
        var sliceCounts: [Int] = []
        for (p, pool) in pools.enumerated() {
            var start: UInt32 = 0
            var slice = 0
            repeat {
                let end = UInt32(min(UInt64(pool.pgNum), UInt64(start) + UInt64(sliceSize)))
                jobs.append((p, slice, start..<end))
                slice += 1
                start = end
            } while start < pool.pgNum
            sliceCounts.append(slice)
        }
        var slices: [[Tally]] = sliceCounts.map { Array(repeating: Tally(osds: 0), count: $0) }
        if threads <= 1 || jobs.count <= 1 {
            let mapper = PlacementMapper(map: map, tables: tables)
            for job in jobs {
                slices[job.pool][job.slice] = Self.tally(
                    pools[job.pool].id, job.range, mapper: mapper, osds: map.osds.count, listing: listing)
            }
        } else {
            await withTaskGroup(of: (Int, Int, Tally).self) { group in
                var next = 0
                func submit() {
                    guard next < jobs.count else { return }
                    let job = jobs[next]
                    let poolID = pools[job.pool].id
                    next += 1
                    group.addTask {
                        let mapper = PlacementMapper(map: map, tables: tables)
                        return (job.pool, job.slice, Self.tally(
                            poolID, job.range, mapper: mapper, osds: map.osds.count, listing: listing))
                    }
                }
                for _ in 0..<threads { submit() }
                while let (p, s, tally) = await group.next() {
                    slices[p][s] = tally
                    submit()
                }
            }
        }
        return Result(map: map, pools: pools, slices: slices)
    }

    /// Maps PGs `range` of pool `poolID` and counts them as osdmaptool does.
    static func tally(
        _ poolID: Int64, _ range: Range<UInt32>, mapper: PlacementMapper, osds n: Int, listing: Listing
    ) -> Tally {
        var t = Tally(osds: n)
        var m = PGMapping()
        for seed in range {
            let pg = PGID(pool: poolID, seed: seed)
            mapper.map(pg, into: &m)
            let osds = m.acting
            let primary = m.actingPrimary
            if osds.count >= t.sizes.count {
                t.sizes.append(contentsOf: repeatElement(0, count: osds.count + 1 - t.sizes.count))
            }
            t.sizes[osds.count] += 1
            switch listing {
            case .none: break
            case .dump: t.text += "\(pg)\t\(OSDMapTool.list(osds))\t\(primary)\n"
            case .dumpAll: t.text += OSDMapTool.dumpAllLine(pg, m)
            }
            for osd in osds where osd != crushItemNone && osd >= 0 && Int(osd) < n {
                t.count[Int(osd)] += 1
            }
            if let head = osds.first, head != crushItemNone, head >= 0, Int(head) < n {
                t.first[Int(head)] += 1
            }
            if primary >= 0 && Int(primary) < n {
                t.primary[Int(primary)] += 1
            }
        }
        return t
    }
}
