#!/bin/sh
# Regenerates expected/ from maps/ with the local crushtool (16.2.15). Deterministic.
# Run from this folder: sh generate.sh
set -u
rm -rf expected
mkdir -p expected/errors
for path in maps/*.txt; do
    map=$(basename "$path")
    bin="expected/$map.compiled.bin"
    (cd maps && crushtool -c "$map" -o "../$bin") || { echo "compile failed: $map" >&2; exit 1; }
    crushtool -d "$bin" > "expected/$map.decompiled.txt"
    crushtool -i "$bin" --dump > "expected/$map.dump.json"
    # crushtool's own second round: compile the decompiled text, decompile again.
    crushtool -c "expected/$map.decompiled.txt" -o "/tmp/recompiled.$$.bin"
    crushtool -d "/tmp/recompiled.$$.bin" > "expected/$map.recompiled.txt"
    rm -f "/tmp/recompiled.$$.bin"
done
for path in maps/errors/*.txt; do
    map=$(basename "$path")
    out="expected/errors/$map.compile-error.txt"
    stdout=$( (cd maps/errors && crushtool -c "$map" -o /dev/null) 2>/tmp/crushtool-stderr.$$ )
    code=$?
    {
        echo "command: crushtool -c $map -o /dev/null"
        echo "cwd: maps/errors/"
        echo "exit_code: $code"
        echo "stdout:"
        [ -n "$stdout" ] && echo "$stdout"
        echo "stderr:"
        if [ "$code" -ge 128 ]; then
            # crushtool crashed; keep the failed assertion (the rest names threads and times).
            grep -o 'FAILED ceph_assert([^)]*)' /tmp/crushtool-stderr.$$ | head -1
        else
            cat /tmp/crushtool-stderr.$$
        fi
    } > "$out"
    rm -f /tmp/crushtool-stderr.$$
done
