/// A token of a crush map text: its bytes' range in `TextSource.joined` and its text.
struct TextToken: Sendable {
    var start: Int
    var end: Int
    var text: String
}

/// The statements of a crush map text as crushtool's Spirit grammar (src/crush/grammar.h,
/// Pacific) groups them, in source order. Each keeps its tokens so the compiler can read the
/// values the way `CrushCompiler` does (`strtol`, `strtof`) and point at them in errors.
enum TextStatement {
    case tunable(keyword: TextToken, name: TextToken, value: TextToken)
    case device(keyword: TextToken, id: TextToken, name: TextToken, className: TextToken?)
    case type(keyword: TextToken, id: TextToken, name: TextToken)
    case bucket(TextBucket)
    case rule(TextRule)
    case chooseArgs(TextChooseArgs)
}

struct TextBucket {
    struct ID {
        var keyword: TextToken
        var id: TextToken
        var className: TextToken?
    }
    struct Item {
        var keyword: TextToken
        var name: TextToken
        var weight: TextToken?
        var pos: TextToken?
    }
    var typeName: TextToken
    var name: TextToken
    var ids: [ID]
    var algKeyword: TextToken
    var alg: TextToken
    /// Each `hash` line's value: an integer or `rjenkins1`.
    var hashes: [TextToken]
    var items: [Item]
}

enum TextStep {
    case take(keyword: TextToken, item: TextToken, className: TextToken?)
    case set(op: RuleOp, keyword: TextToken, value: TextToken)
    case choose(keyword: TextToken, leaf: Bool, mode: TextToken, count: TextToken, type: TextToken)
    case emit(keyword: TextToken)
}

struct TextRule {
    var keyword: TextToken
    var name: TextToken?
    var id: TextToken
    var type: TextToken
    var minSize: TextToken
    var maxSize: TextToken
    var steps: [TextStep]
}

struct TextChooseArgs {
    struct Arg {
        var open: TextToken
        var bucketID: TextToken
        /// `weight_set [ [ w ... ] ... ]`: one token list per position; nil if absent.
        var weightSet: [[TextToken]]?
        var ids: [TextToken]?
    }
    var keyword: TextToken
    var index: TextToken
    var args: [Arg]
}
