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

# Editing: crushtool's --add-item / --reweight-item / --remove-item on editing/base.txt
# (CrushWrapper calls crush_bucket_add_item, crush_bucket_adjust_item_weight and
# crush_bucket_remove_item, then adjusts the parents' weights).
mkdir -p expected/editing
crushtool -c editing/base.txt -o expected/editing/base.bin
for host in hlist htree hstraw hstraw2; do
    crushtool -i expected/editing/base.bin --add-item 20 1.25 osd.20 --loc host $host \
        -o expected/editing/add-osd.20-$host.bin > /dev/null
done
for osd in osd.1 osd.3 osd.6 osd.10 osd.13; do
    crushtool -i expected/editing/base.bin --reweight-item $osd 2.5 \
        -o expected/editing/reweight-$osd.bin > /dev/null
done
for osd in osd.1 osd.3 osd.6 osd.8 osd.10 osd.13; do
    crushtool -i expected/editing/base.bin --remove-item $osd \
        -o expected/editing/remove-$osd.bin > /dev/null
done
# Removing a device from a map with classes makes crushtool rebuild the shadow trees
# (CrushWrapper::rebuild_roots_with_classes), reusing the shadow ids it had.
# (osd.4 makes crushtool 16.2.15 loop forever and osd.6 makes it abort, so they are left out.)
for osd in osd.0 osd.2 osd.3; do
    crushtool -i expected/classes-auto.txt.compiled.bin --remove-item $osd \
        -o expected/editing/classes-auto-remove-$osd.bin > /dev/null
done
crushtool -i expected/classes-explicit.txt.compiled.bin --remove-item osd.1 \
    -o expected/editing/classes-explicit-remove-osd.1.bin > /dev/null
