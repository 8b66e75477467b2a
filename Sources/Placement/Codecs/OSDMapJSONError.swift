public import CRUSH

/// `ceph osd dump -f json` / `osdmaptool --dump json`.
public enum OSDMapDump: JSONDumpDocument {
    public static let name = "OSD map dump"
}

/// Why a text could not be read as an OSD map dump (`OSDMap(dumpJSON:crush:)`), naming the
/// field, e.g. `pools[0].pg_num: expected an integer from 0 to 4294967295, found -1`.
public typealias OSDMapJSONError = JSONDumpError<OSDMapDump>
