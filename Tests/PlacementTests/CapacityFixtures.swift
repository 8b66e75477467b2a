import CRUSH
import Placement

/// Crush maps and OSD sets for the capacity tests, written as crushtool text.
enum CapacityFixtures {
    static let TiB: UInt64 = 1 << 40
    static let GiB: UInt64 = 1 << 30
    static let MiB: UInt64 = 1 << 20

    /// Three hosts of one OSD each: osd.0 and osd.1 of 1 TiB (crush weight 1.0), osd.2 of
    /// 2 TiB (weight 2.0); a replicated rule (0) and an erasure rule (1) over hosts.
    static let threeHosts = """
        device 0 osd.0 class hdd
        device 1 osd.1 class hdd
        device 2 osd.2 class hdd
        type 0 osd
        type 1 host
        type 11 root
        host a {
        \tid -2
        \talg straw2
        \thash 0
        \titem osd.0 weight 1.00000
        }
        host b {
        \tid -3
        \talg straw2
        \thash 0
        \titem osd.1 weight 1.00000
        }
        host c {
        \tid -4
        \talg straw2
        \thash 0
        \titem osd.2 weight 2.00000
        }
        root default {
        \tid -1
        \talg straw2
        \thash 0
        \titem a weight 1.00000
        \titem b weight 1.00000
        \titem c weight 2.00000
        }
        rule replicated_rule {
        \tid 0
        \ttype replicated
        \tmin_size 1
        \tmax_size 10
        \tstep take default
        \tstep chooseleaf firstn 0 type host
        \tstep emit
        }
        rule ec21 {
        \tid 1
        \ttype erasure
        \tmin_size 3
        \tmax_size 3
        \tstep set_chooseleaf_tries 5
        \tstep set_choose_tries 100
        \tstep take default
        \tstep chooseleaf indep 0 type host
        \tstep emit
        }

        """

    /// Three hosts with an hdd and an ssd each; the ssd of host h3 is half the size of the
    /// others (weights 0.5, 0.5, 0.25); rule 0 takes the ssd shadow tree.
    static let classes = """
        device 0 osd.0 class hdd
        device 1 osd.1 class ssd
        device 2 osd.2 class hdd
        device 3 osd.3 class ssd
        device 4 osd.4 class hdd
        device 5 osd.5 class ssd
        type 0 osd
        type 1 host
        type 11 root
        host h1 {
        \tid -2
        \talg straw2
        \thash 0
        \titem osd.0 weight 1.00000
        \titem osd.1 weight 0.50000
        }
        host h2 {
        \tid -3
        \talg straw2
        \thash 0
        \titem osd.2 weight 1.00000
        \titem osd.3 weight 0.50000
        }
        host h3 {
        \tid -4
        \talg straw2
        \thash 0
        \titem osd.4 weight 1.00000
        \titem osd.5 weight 0.25000
        }
        root default {
        \tid -1
        \talg straw2
        \thash 0
        \titem h1 weight 1.50000
        \titem h2 weight 1.50000
        \titem h3 weight 1.25000
        }
        rule ssd_rule {
        \tid 0
        \ttype replicated
        \tmin_size 1
        \tmax_size 10
        \tstep take default class ssd
        \tstep chooseleaf firstn 0 type host
        \tstep emit
        }
        rule two_takes {
        \tid 1
        \ttype replicated
        \tmin_size 1
        \tmax_size 10
        \tstep take h1
        \tstep chooseleaf firstn 1 type osd
        \tstep emit
        \tstep take osd.4
        \tstep emit
        }

        """

    static func map(_ text: String) throws -> CrushMap { try CrushMap(text: text) }

    /// osd.0…2 of `threeHosts`, each with `used` bytes used.
    static func threeHostOSDs(used: [UInt64]) -> [CapacityOSD] {
        [
            CapacityOSD(id: 0, totalBytes: TiB, usedBytes: used[0]),
            CapacityOSD(id: 1, totalBytes: TiB, usedBytes: used[1]),
            CapacityOSD(id: 2, totalBytes: 2 * TiB, usedBytes: used[2]),
        ]
    }
}
