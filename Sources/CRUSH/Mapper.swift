/// Computes CRUSH mappings exactly as Ceph's mapper.c does (`crush_do_rule` and the
/// `crush_choose_firstn` / `crush_choose_indep` / `bucket_*_choose` functions it calls).
///
/// The map is flattened once into contiguous tables indexed by bucket index, so that a
/// mapping touches no dictionary, allocates nothing and retains nothing. A mapper is
/// immutable and can be shared between threads; each thread brings its own `CrushWorkspace`.
///
/// Where Ceph would read out of bounds or dereference a missing bucket (only possible with a
/// map that Ceph's own tools would not produce), the mapper treats the item as unusable
/// instead, as Ceph does for items it can check (`bad item`).
public final class CrushMapper: @unchecked Sendable {
    let maxDevices: Int32
    let maxBuckets: Int32
    let tunables: Tunables
    let bucketCount: Int
    let alg: UnsafeMutablePointer<UInt8>  // 0: no bucket at this index
    let hashID: UnsafeMutablePointer<UInt8>
    let type: UnsafeMutablePointer<Int32>
    let bucketID: UnsafeMutablePointer<Int32>
    let size: UnsafeMutablePointer<UInt32>
    let offset: UnsafeMutablePointer<Int>  // into the per-item tables
    let numNodes: UnsafeMutablePointer<UInt32>
    let nodeOffset: UnsafeMutablePointer<Int>
    let totalItems: Int
    let items: UnsafeMutablePointer<Int32>
    let itemWeights: UnsafeMutablePointer<UInt32>
    let sumWeights: UnsafeMutablePointer<UInt32>
    let straws: UnsafeMutablePointer<UInt32>
    let nodeWeights: UnsafeMutablePointer<UInt32>
    let rules: [[RuleStep]?]
    let lnTables: UnsafeMutablePointer<Int64>

    public init(_ map: CrushMap) {
        maxDevices = map.maxDevices
        maxBuckets = map.maxBuckets
        tunables = map.tunables
        bucketCount = map.buckets.count
        let n = max(bucketCount, 1)
        alg = .allocate(capacity: n)
        hashID = .allocate(capacity: n)
        type = .allocate(capacity: n)
        bucketID = .allocate(capacity: n)
        size = .allocate(capacity: n)
        offset = .allocate(capacity: n)
        numNodes = .allocate(capacity: n)
        nodeOffset = .allocate(capacity: n)
        var itemTotal = 0
        var nodeTotal = 0
        for bucket in map.buckets {
            itemTotal += bucket?.items.count ?? 0
            if let bucket, bucket.algorithm == .tree { nodeTotal += bucket.nodeWeights.count }
        }
        totalItems = itemTotal
        items = .allocate(capacity: max(itemTotal, 1))
        itemWeights = .allocate(capacity: max(itemTotal, 1))
        sumWeights = .allocate(capacity: max(itemTotal, 1))
        straws = .allocate(capacity: max(itemTotal, 1))
        nodeWeights = .allocate(capacity: max(nodeTotal, 1))
        var itemAt = 0
        var nodeAt = 0
        for (index, bucket) in map.buckets.enumerated() {
            offset[index] = itemAt
            nodeOffset[index] = nodeAt
            guard let bucket else {
                alg[index] = 0; hashID[index] = 0; type[index] = 0; bucketID[index] = 0
                size[index] = 0; numNodes[index] = 0
                continue
            }
            alg[index] = bucket.algorithm.rawValue
            hashID[index] = bucket.hash
            type[index] = Int32(bucket.type)
            bucketID[index] = bucket.id
            size[index] = UInt32(bucket.items.count)
            for (position, item) in bucket.items.enumerated() {
                items[itemAt + position] = item
                itemWeights[itemAt + position] =
                    bucket.algorithm == .uniform
                    ? bucket.uniformItemWeight : Self.value(bucket.itemWeights, position)
                sumWeights[itemAt + position] = Self.value(bucket.sumWeights, position)
                straws[itemAt + position] = Self.value(bucket.straws, position)
            }
            itemAt += bucket.items.count
            if bucket.algorithm == .tree {
                // The tree walk needs a power-of-two node count covering every leaf.
                let count = bucket.nodeWeights.count
                let usable = count >= 2 && count & (count - 1) == 0
                numNodes[index] = usable ? UInt32(count) : 0
                for (i, w) in bucket.nodeWeights.enumerated() { nodeWeights[nodeAt + i] = w }
                nodeAt += count
            } else {
                numNodes[index] = 0
            }
        }
        rules = map.rules.map { $0?.steps }
        lnTables = CrushLn.makeTableBlock()
    }

    private static func value(_ array: [UInt32], _ index: Int) -> UInt32 {
        index < array.count ? array[index] : 0
    }

    deinit {
        alg.deallocate(); hashID.deallocate(); type.deallocate(); bucketID.deallocate()
        size.deallocate(); offset.deallocate(); numNodes.deallocate(); nodeOffset.deallocate()
        items.deallocate(); itemWeights.deallocate(); sumWeights.deallocate(); straws.deallocate()
        nodeWeights.deallocate(); lnTables.deallocate()
    }

    /// A workspace for mappings of up to `resultMax` items, for one thread at a time.
    public func makeWorkspace(resultMax: Int) -> CrushWorkspace {
        CrushWorkspace(bucketCount: bucketCount, totalItems: totalItems, resultMax: resultMax,
                       histogramSize: Int(tunables.chooseTotalTries) + 1)
    }

    /// Is there a bucket at this index?
    @inline(__always)
    func exists(_ index: Int) -> Bool { index >= 0 && index < bucketCount && alg[index] != 0 }

    // MARK: - Rule evaluation

    /// `crush_do_rule`: maps `x` through rule `rule` into `result` (at most `result.count`
    /// items), with device weights `weights` (16.16; devices past its end are out).
    /// Returns the number of items written.
    public func doRule(
        _ rule: Int, x: Int32, result: UnsafeMutableBufferPointer<Int32>,
        weights: UnsafeBufferPointer<UInt32>, workspace ws: CrushWorkspace,
        chooseArgs: CrushChooseArgs? = nil
    ) -> Int {
        let resultMax = Int32(result.count)
        guard rule >= 0, rule < rules.count, let steps = rules[rule], resultMax > 0 else { return 0 }
        ws.reserve(resultMax: Int(resultMax))
        let args = chooseArgs.map { $0.tables }
        var w = ws.scratch
        var o = ws.scratch + Int(resultMax)
        let c = ws.scratch + 2 * Int(resultMax)
        var wsize: Int32 = 0
        var resultLen: Int32 = 0
        // The original choose_total_tries counted retries, not tries: add one.
        var chooseTries = Int32(bitPattern: tunables.chooseTotalTries &+ 1)
        var chooseLeafTries: Int32 = 0
        var localRetries = Int32(bitPattern: tunables.chooseLocalTries)
        var localFallbackRetries = Int32(bitPattern: tunables.chooseLocalFallbackTries)
        var varyR = Int32(tunables.chooseLeafVaryR)
        var stable = Int32(tunables.chooseLeafStable)
        let context = ChooseContext(weights: weights, ws: ws, args: args, recordsChecks: ws.recordsReweightChecks)

        for step in steps {
            switch step.op {
            case .take:
                let arg = step.arg1
                if (arg >= 0 && arg < maxDevices) || (arg < 0 && exists(Int(-1 - Int64(arg)))) {
                    w[0] = arg
                    wsize = 1
                }
            case .setChooseTries:
                if step.arg1 > 0 { chooseTries = step.arg1 }
            case .setChooseLeafTries:
                if step.arg1 > 0 { chooseLeafTries = step.arg1 }
            case .setChooseLocalTries:
                if step.arg1 >= 0 { localRetries = step.arg1 }
            case .setChooseLocalFallbackTries:
                if step.arg1 >= 0 { localFallbackRetries = step.arg1 }
            case .setChooseLeafVaryR:
                if step.arg1 >= 0 { varyR = step.arg1 }
            case .setChooseLeafStable:
                if step.arg1 >= 0 { stable = step.arg1 }
            case .chooseFirstN, .chooseLeafFirstN, .chooseIndep, .chooseLeafIndep:
                if wsize == 0 { break }
                let firstn = step.op == .chooseFirstN || step.op == .chooseLeafFirstN
                let recurseToLeaf = step.op == .chooseLeafFirstN || step.op == .chooseLeafIndep
                var osize: Int32 = 0
                for i in 0..<Int(wsize) {
                    var numrep = step.arg1
                    if numrep <= 0 {
                        numrep = numrep &+ resultMax
                        if numrep <= 0 { continue }
                    }
                    let bno = -1 - Int64(w[i])
                    guard bno >= 0, bno < Int64(bucketCount), exists(Int(bno)) else { continue }
                    if firstn {
                        let recurseTries: Int32 =
                            chooseLeafTries != 0
                            ? chooseLeafTries : (tunables.chooseLeafDescendOnce != 0 ? 1 : chooseTries)
                        osize &+= chooseFirstN(
                            context, bucket: Int(bno), x: x, numrep: numrep, type: step.arg2,
                            out: o + Int(osize), outpos: 0, outSize: resultMax &- osize,
                            tries: UInt32(bitPattern: chooseTries),
                            recurseTries: UInt32(bitPattern: recurseTries),
                            localRetries: UInt32(bitPattern: localRetries),
                            localFallbackRetries: UInt32(bitPattern: localFallbackRetries),
                            recurseToLeaf: recurseToLeaf,
                            varyR: UInt32(bitPattern: varyR), stable: UInt32(bitPattern: stable),
                            out2: c + Int(osize), parentR: 0)
                    } else {
                        let outSize = min(numrep, resultMax &- osize)
                        chooseIndep(
                            context, bucket: Int(bno), x: x, left: outSize, numrep: numrep,
                            type: step.arg2, out: o + Int(osize), outpos: 0,
                            tries: UInt32(bitPattern: chooseTries),
                            recurseTries: UInt32(bitPattern: chooseLeafTries != 0 ? chooseLeafTries : 1),
                            recurseToLeaf: recurseToLeaf, out2: c + Int(osize), parentR: 0)
                        osize &+= outSize
                    }
                }
                if recurseToLeaf {
                    // Copy the final leaf values to the output set.
                    o.update(from: c, count: Int(osize))
                }
                swap(&o, &w)
                wsize = osize
            case .emit:
                var i = 0
                while i < Int(wsize) && resultLen < resultMax {
                    result[Int(resultLen)] = w[i]
                    resultLen += 1
                    i += 1
                }
                wsize = 0
            case .noop:
                break
            }
        }
        return Int(resultLen)
    }

    /// Convenience: maps `x` and returns the result as an array (allocates; not for hot loops).
    public func map(
        rule: Int, x: Int32, resultMax: Int, weights: [UInt32], workspace: CrushWorkspace? = nil,
        chooseArgs: CrushChooseArgs? = nil
    ) -> [Int32] {
        let ws = workspace ?? makeWorkspace(resultMax: resultMax)
        var out = [Int32](repeating: 0, count: resultMax)
        let n = out.withUnsafeMutableBufferPointer { result in
            weights.withUnsafeBufferPointer { w in
                doRule(rule, x: x, result: result, weights: w, workspace: ws, chooseArgs: chooseArgs)
            }
        }
        out.removeSubrange(n...)
        return out
    }

    /// What every choose call of one `doRule` shares.
    struct ChooseContext {
        let weights: UnsafeBufferPointer<UInt32>
        let ws: CrushWorkspace
        let args: CrushChooseArgs.Tables?
        /// `ws.recordsReweightChecks`, read once per rule.
        let recordsChecks: Bool
    }

    // MARK: - Choosing

    /// `is_out`: is this device rejected by its reweight for input `x`?
    @inline(__always)
    func isOut(_ weights: UnsafeBufferPointer<UInt32>, item: Int32, x: Int32) -> Bool {
        if Int(item) >= weights.count { return true }
        return Self.rejectsAsOut(item, weight: weights[Int(item)], x: x)
    }

    /// `is_out` for a device with reweight `w` (16.16): is `item` rejected for input `x`?
    /// A pure function of the three: 0 always rejects, 0x10000 and above never do.
    @inline(__always)
    public static func rejectsAsOut(_ item: Int32, weight w: UInt32, x: Int32) -> Bool {
        if w >= 0x10000 { return false }
        if w == 0 { return true }
        return CrushHash.hash2(CrushHash.rjenkins1, x.bits, item.bits) & 0xffff >= w
    }

    /// The type of `item`, or nil for a bucket id with no bucket behind it.
    @inline(__always)
    func itemType(_ item: Int32) -> Int32? {
        if item >= 0 { return 0 }
        let index = Int(-1 - Int64(item))
        return exists(index) ? type[index] : nil
    }

    /// `crush_choose_firstn`: choose `numrep` distinct items of `type`, depth first.
    func chooseFirstN(
        _ cx: ChooseContext, bucket: Int, x: Int32, numrep: Int32, type wanted: Int32,
        out: UnsafeMutablePointer<Int32>, outpos startPos: Int32, outSize: Int32,
        tries: UInt32, recurseTries: UInt32, localRetries: UInt32, localFallbackRetries: UInt32,
        recurseToLeaf: Bool, varyR: UInt32, stable: UInt32,
        out2: UnsafeMutablePointer<Int32>?, parentR: Int32
    ) -> Int32 {
        var outpos = startPos
        var count = outSize
        var rep: Int32 = stable != 0 ? 0 : outpos
        while rep < numrep && count > 0 {
            var ftotal: UInt32 = 0
            var skipRep = false
            var item: Int32 = 0
            var retryDescent: Bool
            repeat {
                retryDescent = false
                var inb = bucket
                var flocal: UInt32 = 0
                var retryBucket: Bool
                repeat {
                    var collide = false
                    var reject = false
                    retryBucket = false
                    let r = rep &+ parentR &+ Int32(bitPattern: ftotal)
                    let inSize = size[inb]
                    if inSize == 0 {
                        reject = true
                    } else {
                        if localFallbackRetries > 0 && flocal >= inSize >> 1 && flocal > localFallbackRetries {
                            item = permChoose(cx.ws, bucket: inb, x: x, r: r)
                        } else {
                            item = bucketChoose(cx, bucket: inb, x: x, r: r, position: outpos)
                        }
                        if item >= maxDevices {
                            skipRep = true
                            break
                        }
                        guard let itemType = itemType(item) else {
                            skipRep = true
                            break
                        }
                        if itemType != wanted {
                            if item >= 0 {
                                skipRep = true
                                break
                            }
                            inb = Int(-1 - Int64(item))
                            retryBucket = true
                            continue
                        }
                        var i: Int32 = 0
                        while i < outpos {
                            if out[Int(i)] == item {
                                collide = true
                                break
                            }
                            i += 1
                        }
                        if !collide && recurseToLeaf {
                            if item < 0 {
                                let subR: Int32 = varyR != 0 ? r &>> Int32(bitPattern: varyR &- 1) : 0
                                let got = chooseFirstN(
                                    cx, bucket: Int(-1 - Int64(item)), x: x,
                                    numrep: stable != 0 ? 1 : outpos &+ 1, type: 0,
                                    out: out2!, outpos: outpos, outSize: count,
                                    tries: recurseTries, recurseTries: 0, localRetries: localRetries,
                                    localFallbackRetries: localFallbackRetries, recurseToLeaf: false,
                                    varyR: varyR, stable: stable, out2: nil, parentR: subR)
                                if got <= outpos { reject = true }  // didn't get a leaf
                            } else {
                                out2![Int(outpos)] = item  // we already have a leaf
                            }
                        }
                        if !reject && !collide && itemType == 0 {
                            reject = isOut(cx.weights, item: item, x: x)
                            if cx.recordsChecks { cx.ws.noteReweightCheck(item, rejected: reject) }
                        }
                    }
                    if reject || collide {
                        ftotal &+= 1
                        flocal &+= 1
                        if collide && flocal <= localRetries {
                            retryBucket = true  // retry locally a few times
                        } else if localFallbackRetries > 0 && flocal <= inSize &+ localFallbackRetries {
                            retryBucket = true  // exhaustive bucket search
                        } else if ftotal < tries {
                            retryDescent = true  // then retry descent
                        } else {
                            skipRep = true  // else give up
                        }
                    }
                } while retryBucket
            } while retryDescent

            if !skipRep {
                out[Int(outpos)] = item
                outpos &+= 1
                count &-= 1
                cx.ws.recordTries(ftotal)
            }
            rep &+= 1
        }
        return outpos
    }

    /// `crush_choose_indep`: breadth-first, positionally stable choice; unfilled slots are
    /// `crushItemNone`.
    func chooseIndep(
        _ cx: ChooseContext, bucket: Int, x: Int32, left startLeft: Int32, numrep: Int32,
        type wanted: Int32, out: UnsafeMutablePointer<Int32>, outpos: Int32,
        tries: UInt32, recurseTries: UInt32, recurseToLeaf: Bool,
        out2: UnsafeMutablePointer<Int32>?, parentR: Int32
    ) {
        var left = startLeft
        let endpos = outpos &+ left
        var rep = outpos
        while rep < endpos {
            out[Int(rep)] = crushItemUndef
            out2?[Int(rep)] = crushItemUndef
            rep += 1
        }
        var ftotal: UInt32 = 0
        while left > 0 && ftotal < tries {
            rep = outpos
            while rep < endpos {
                defer { rep += 1 }
                if out[Int(rep)] != crushItemUndef { continue }
                var inb = bucket
                while true {
                    var r = UInt32(bitPattern: rep &+ parentR)
                    if alg[inb] == BucketAlgorithm.uniform.rawValue && size[inb] % UInt32(bitPattern: numrep) == 0 {
                        r = r &+ UInt32(bitPattern: numrep &+ 1) &* ftotal
                    } else {
                        r = r &+ UInt32(bitPattern: numrep) &* ftotal
                    }
                    if size[inb] == 0 { break }  // empty bucket
                    let item = bucketChoose(cx, bucket: inb, x: x, r: Int32(bitPattern: r), position: outpos)
                    if item >= maxDevices {
                        out[Int(rep)] = crushItemNone
                        out2?[Int(rep)] = crushItemNone
                        left -= 1
                        break
                    }
                    let itemType = itemType(item)
                    if itemType != wanted {
                        if item >= 0 || itemType == nil {
                            out[Int(rep)] = crushItemNone
                            out2?[Int(rep)] = crushItemNone
                            left -= 1
                            break
                        }
                        inb = Int(-1 - Int64(item))
                        continue
                    }
                    var collide = false
                    var i = outpos
                    while i < endpos {
                        if out[Int(i)] == item {
                            collide = true
                            break
                        }
                        i += 1
                    }
                    if collide { break }
                    if recurseToLeaf {
                        if item < 0 {
                            chooseIndep(
                                cx, bucket: Int(-1 - Int64(item)), x: x, left: 1, numrep: numrep, type: 0,
                                out: out2!, outpos: rep, tries: recurseTries, recurseTries: 0,
                                recurseToLeaf: false, out2: nil, parentR: Int32(bitPattern: r))
                            if out2![Int(rep)] == crushItemNone { break }  // placed nothing; no leaf
                        } else {
                            out2![Int(rep)] = item  // we already have a leaf
                        }
                    }
                    if itemType == 0 {
                        let rejected = isOut(cx.weights, item: item, x: x)
                        if cx.recordsChecks { cx.ws.noteReweightCheck(item, rejected: rejected) }
                        if rejected { break }
                    }
                    out[Int(rep)] = item
                    left -= 1
                    break
                }
            }
            ftotal &+= 1
        }
        rep = outpos
        while rep < endpos {
            if out[Int(rep)] == crushItemUndef { out[Int(rep)] = crushItemNone }
            if let out2, out2[Int(rep)] == crushItemUndef { out2[Int(rep)] = crushItemNone }
            rep += 1
        }
        cx.ws.recordTries(ftotal)
    }

    // MARK: - Bucket algorithms

    /// `crush_bucket_choose`: one item of bucket `b` for input `x` and replica rank `r`.
    @inline(__always)
    func bucketChoose(_ cx: ChooseContext, bucket b: Int, x: Int32, r: Int32, position: Int32) -> Int32 {
        switch alg[b] {
        case BucketAlgorithm.straw2.rawValue:
            return straw2Choose(cx, bucket: b, x: x, r: r, position: position)
        case BucketAlgorithm.uniform.rawValue:
            return permChoose(cx.ws, bucket: b, x: x, r: r)
        case BucketAlgorithm.list.rawValue:
            return listChoose(bucket: b, x: x, r: r)
        case BucketAlgorithm.tree.rawValue:
            return treeChoose(bucket: b, x: x, r: r)
        case BucketAlgorithm.straw.rawValue:
            return strawChoose(bucket: b, x: x, r: r)
        default:
            return items[offset[b]]
        }
    }

    /// `bucket_perm_choose`: a pseudo-random permutation of the bucket, computed lazily and
    /// cached in the workspace for the current `x`.
    func permChoose(_ ws: CrushWorkspace, bucket b: Int, x: Int32, r: Int32) -> Int32 {
        let bucketSize = size[b]
        let pr = r.bits % bucketSize
        let perm = ws.perm + offset[b]
        let hash = hashID[b]
        let id = bucketID[b].bits
        if ws.permX[b] != x.bits || ws.permN[b] == 0 {
            ws.permX[b] = x.bits
            if pr == 0 {
                // Common r=0 case: only the first slot.
                let s = CrushHash.hash3(hash, x.bits, id, 0) % bucketSize
                perm[0] = s
                ws.permN[b] = 0xffff  // magic value: only perm[0] is valid
                return items[offset[b] + Int(s)]
            }
            for i in 0..<Int(bucketSize) { perm[i] = UInt32(i) }
            ws.permN[b] = 0
        } else if ws.permN[b] == 0xffff {
            // Expand the r=0 shortcut into a real permutation prefix.
            for i in 1..<max(Int(bucketSize), 1) { perm[i] = UInt32(i) }
            perm[Int(perm[0])] = 0
            ws.permN[b] = 1
        }
        while ws.permN[b] <= pr {
            let p = ws.permN[b]
            if p < bucketSize - 1 {
                let i = CrushHash.hash3(hash, x.bits, id, p) % (bucketSize - p)
                if i != 0 {
                    let t = perm[Int(p + i)]
                    perm[Int(p + i)] = perm[Int(p)]
                    perm[Int(p)] = t
                }
            }
            ws.permN[b] += 1
        }
        return items[offset[b] + Int(perm[Int(pr)])]
    }

    /// `bucket_list_choose`.
    func listChoose(bucket b: Int, x: Int32, r: Int32) -> Int32 {
        let base = offset[b]
        let hash = hashID[b]
        let id = bucketID[b].bits
        var i = Int(size[b]) - 1
        while i >= 0 {
            var w = UInt64(CrushHash.hash4(hash, x.bits, items[base + i].bits, r.bits, id)) & 0xffff
            w = (w &* UInt64(sumWeights[base + i])) >> 16
            if w < UInt64(itemWeights[base + i]) { return items[base + i] }
            i -= 1
        }
        return items[base]
    }

    /// `bucket_tree_choose`: descend the implicit binary tree by node weights.
    func treeChoose(bucket b: Int, x: Int32, r: Int32) -> Int32 {
        let nodes = numNodes[b]
        guard nodes != 0 else { return crushItemNone }
        let weights = nodeWeights + nodeOffset[b]
        let hash = hashID[b]
        let id = bucketID[b].bits
        var n = Int32(bitPattern: nodes >> 1)
        while n & 1 == 0 {
            let w = weights[Int(n)]
            let t = (UInt64(CrushHash.hash4(hash, x.bits, n.bits, r.bits, id)) &* UInt64(w)) >> 32
            let half = Int32(1) << (n.trailingZeroBitCount - 1)
            let l = n - half
            n = t < UInt64(weights[Int(l)]) ? l : n + half
        }
        let leaf = Int(n >> 1)
        // Ceph reads past the items here for a zero-weight, non-power-of-two tree.
        return leaf < Int(size[b]) ? items[offset[b] + leaf] : crushItemNone
    }

    /// `bucket_straw_choose`: the longest scaled straw wins.
    func strawChoose(bucket b: Int, x: Int32, r: Int32) -> Int32 {
        let base = offset[b]
        let hash = hashID[b]
        var high = 0
        var highDraw: UInt64 = 0
        for i in 0..<Int(size[b]) {
            var draw = UInt64(CrushHash.hash3(hash, x.bits, items[base + i].bits, r.bits)) & 0xffff
            draw = draw &* UInt64(straws[base + i])
            if i == 0 || draw > highDraw {
                high = i
                highDraw = draw
            }
        }
        return items[base + high]
    }

    /// `bucket_straw2_choose`: the largest ln(u)/weight wins; weights and hash ids may come
    /// from a choose_args weight set (by replica `position`). With rjenkins1 the hashes of
    /// four items are computed at once (`CrushHash.rjenkins1Hash3x4`, the same arithmetic on
    /// each lane); draws are then compared one by one in item order, as in Ceph.
    @inline(__always)
    func straw2Choose(_ cx: ChooseContext, bucket b: Int, x: Int32, r: Int32, position: Int32) -> Int32 {
        let base = offset[b]
        let hash = hashID[b]
        var weights = UnsafePointer(itemWeights + base)
        var ids = UnsafePointer(items + base)
        if let args = cx.args {
            if let set = args.weights(bucket: b, position: position) { weights = set }
            if let replacement = args.ids(bucket: b) { ids = replacement }
        }
        let count = Int(size[b])
        var high = 0
        var highDraw: Int64 = 0
        var i = 0
        if hash == CrushHash.rjenkins1 {
            while i < count {
                // A last, partial group hashes id 0 in its unused lanes and ignores them.
                let lanes = min(count &- i, 4)
                let u = CrushHash.rjenkins1Hash3x4(
                    x.bits,
                    SIMD4(
                        ids[i].bits, lanes > 1 ? ids[i &+ 1].bits : 0,
                        lanes > 2 ? ids[i &+ 2].bits : 0, lanes > 3 ? ids[i &+ 3].bits : 0),
                    r.bits)
                for lane in 0..<lanes {
                    let draw = straw2Draw(u[lane] & 0xffff, weight: weights[i &+ lane])
                    if i &+ lane == 0 || draw > highDraw {
                        high = i &+ lane
                        highDraw = draw
                    }
                }
                i &+= lanes
            }
        }
        while i < count {
            let draw = straw2Draw(CrushHash.hash3(hash, x.bits, ids[i].bits, r.bits) & 0xffff, weight: weights[i])
            if i == 0 || draw > highDraw {
                high = i
                highDraw = draw
            }
            i &+= 1
        }
        return items[base + high]
    }

    /// One straw2 draw: (crush_ln(u) - 2^48) / weight, truncated toward zero; `Int64.min`
    /// for a zero weight (`generate_exponential_distribution` and its caller).
    @inline(__always)
    func straw2Draw(_ u: UInt32, weight w: UInt32) -> Int64 {
        guard w != 0 else { return Int64.min }
        let ln = Int64(bitPattern: CrushLn.ln(u, tables: lnTables)) &- 0x1_0000_0000_0000
        return ln / Int64(w)  // w > 0: neither trap can fire
    }
}

extension CrushHash {
    /// `crush_hash32_rjenkins1_3(a, b[k], c)` for four `b` at once: `hash3` lane by lane.
    @inline(__always)
    static func rjenkins1Hash3x4(_ a: UInt32, _ b: SIMD4<UInt32>, _ c: UInt32) -> SIMD4<UInt32> {
        var a = SIMD4(repeating: a)
        var b = b
        var c = SIMD4(repeating: c)
        var hash = SIMD4(repeating: seed) ^ a ^ b ^ c
        var x = SIMD4<UInt32>(repeating: 231_232)
        var y = SIMD4<UInt32>(repeating: 1232)
        mix4(&a, &b, &hash)
        mix4(&c, &x, &hash)
        mix4(&y, &a, &hash)
        mix4(&b, &x, &hash)
        mix4(&y, &c, &hash)
        return hash
    }

    /// `crush_hashmix` on four lanes.
    @inline(__always)
    static func mix4(_ a: inout SIMD4<UInt32>, _ b: inout SIMD4<UInt32>, _ c: inout SIMD4<UInt32>) {
        a = a &- b; a = a &- c; a ^= c &>> 13
        b = b &- c; b = b &- a; b ^= a &<< 8
        c = c &- a; c = c &- b; c ^= b &>> 13
        a = a &- b; a = a &- c; a ^= c &>> 12
        b = b &- c; b = b &- a; b ^= a &<< 16
        c = c &- a; c = c &- b; c ^= b &>> 5
        a = a &- b; a = a &- c; a ^= c &>> 3
        b = b &- c; b = b &- a; b ^= a &<< 10
        c = c &- a; c = c &- b; c ^= b &>> 15
    }
}
