#!/usr/bin/env bash
# make fuzz: builds the fuzz package (Fuzz/, a package of its own so the normal build never
# compiles it) with -sanitize=fuzzer,address, then runs each target of Fuzz/targets for
# FUZZ_SECONDS from a copy of its seed corpus in Fuzz/corpus/<target>/ (the run's finds stay in
# the scratch directory, FUZZ_WORK, not in the repository). A crash, a sanitizer report or a hang
# stops the run: the target, the fuzzer's report and the input that did it are printed; turn the
# input into a regression test (docs/FUZZING.md). At the end, one line of figures per target.
#
#   FUZZ_SECONDS   seconds per target (default 15)
#   FUZZ_TARGETS   the targets to run (default: all of Fuzz/targets)
#   FUZZ_WORK      where corpora, logs and crash inputs go (default: a new temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-15}
FUZZ_TARGETS=${FUZZ_TARGETS:-$(cat Fuzz/targets)}
FUZZ_WORK=${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/ocwizard-fuzz.XXXXXX")}
mkdir -p "$FUZZ_WORK"

echo "fuzz: building Fuzz/ with -sanitize=fuzzer,address"
build_log="$FUZZ_WORK/build.log"
if ! (cd Fuzz && "$SWIFT" build -c debug -Xswiftc -sanitize=fuzzer,address) >"$build_log" 2>&1; then
    # gold warns about every ASan helper it cannot export; those lines say nothing.
    grep -v "Cannot export local symbol" "$build_log" | tail -40
    exit 1
fi

# Leak detection is off: the Swift runtime keeps caches (type metadata, task allocators) for the
# life of the process, which LeakSanitizer would report after many inputs and check at great cost.
printf '%-22s %12s %10s %10s %8s\n' target inputs execs/s "new units" "rss MB"
for target in $FUZZ_TARGETS; do
    dir="$FUZZ_WORK/$target"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp Fuzz/corpus/"$target"/* "$dir/corpus/"
    if ! Fuzz/.build/debug/"$target" -max_total_time="$FUZZ_SECONDS" -timeout=10 -detect_leaks=0 -print_final_stats=1 \
            -artifact_prefix="$dir/artifacts/" "$dir/corpus" >"$dir/log" 2>&1; then
        echo "fuzz: $target FAILED; the fuzzer's report:"
        grep -v "^#[0-9]" "$dir/log" | tail -60
        for input in "$dir"/artifacts/*; do
            [ -e "$input" ] || continue
            echo "fuzz: the input ($input), as hex:"
            od -An -tx1 -v "$input" | head -20
        done
        echo "fuzz: replay it with: Fuzz/.build/debug/$target -detect_leaks=0 $dir/artifacts/<file>"
        exit 1
    fi
    stat() { grep -m1 "stat::$1:" "$dir/log" | awk '{print $2}'; }
    printf '%-22s %12s %10s %10s %8s\n' "$target" "$(stat number_of_executed_units)" "$(stat average_exec_per_sec)" \
        "$(stat new_units_added)" "$(stat peak_rss_mb)"
done
echo "fuzz: no crash in ${FUZZ_SECONDS} s per target; corpora and logs in $FUZZ_WORK"
