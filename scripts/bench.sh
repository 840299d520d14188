#!/usr/bin/env bash
# make bench: release build, then one line per figure (see docs/BENCHMARKS.md).
#
#   scripts/bench.sh            all figures (a few minutes on 2 cores, after the build)
#   RUNS=5 scripts/bench.sh     fewer runs of the process benchmarks (default 15; large accounts 5)
#   BENCH_SKIP_BUILD=1 …        use the release binaries already built
#   BENCH_BUILD_PATH=.build-x …  build and run from another scratch path (default .build, so that
#                               .build/release/ocwizard is the binary measured)
#   BENCH_BUILD_FLAGS="…"       swift build flags (default "-c release --static-swift-stdlib", the
#                               Makefile's RELEASE_FLAGS: the Swift runtime linked statically)
#
# Needs: dialog, curl, python3 (stdlib only), ldd. `make bench` installs the Debian packages.
# Exits 0 when every figure was measured (a MISS is reported, not fatal), non-zero when one could not be.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-15}"
LARGE_RUNS="${LARGE_RUNS:-5}"
SWIFT="${SWIFT:-swift}"
BUILD_PATH="${BENCH_BUILD_PATH:-.build}"
BUILD_FLAGS="${BENCH_BUILD_FLAGS:--c release --static-swift-stdlib}"
BIN="$BUILD_PATH/release"
HERE=scripts/bench

for tool in dialog curl python3 ldd; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make bench installs it)" >&2; exit 1; }
done

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    echo "bench: swift build $BUILD_FLAGS (ocwizard, ocwizard-sandbox, ocwizard-bench)…" >&2
    # shellcheck disable=SC2086 # the flags are words
    "$SWIFT" build $BUILD_FLAGS --scratch-path "$BUILD_PATH" >&2
fi
for binary in ocwizard ocwizard-sandbox ocwizard-bench; do
    [ -x "$BIN/$binary" ] || { echo "bench: $BIN/$binary was not built" >&2; exit 1; }
done
# A reused build (BENCH_SKIP_BUILD) may come from a plain `swift build -c release`.
case " $BUILD_FLAGS " in *" --static-swift-stdlib "*)
    if ldd "$BIN/ocwizard" | grep -q libswiftCore; then
        echo "bench: note: $BIN/ocwizard loads the Swift runtime as shared libraries (not built with --static-swift-stdlib)" >&2
    fi ;;
esac

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/ocwizard-bench.XXXXXX")"
SANDBOX_PIDS=()
cleanup() {
    for pid in "${SANDBOX_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${SANDBOX_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# Starts a release sandbox with `--seed $1` instances; sets SANDBOX_URL.
start_sandbox() {
    local seed="$1" log="$SCRATCH/sandbox-$1.out"
    "$BIN/ocwizard-sandbox" --port 0 --seed "$seed" >"$log" 2>"$SCRATCH/sandbox-$1.err" &
    SANDBOX_PIDS+=("$!")
    SANDBOX_PID="$!"
    local deadline=$((SECONDS + 60))
    SANDBOX_URL=""
    while [ -z "$SANDBOX_URL" ]; do
        SANDBOX_URL="$(sed -n '1s/^listening on \(http[^ ]*\).*/\1/p' "$log" 2>/dev/null || true)"
        if [ -z "$SANDBOX_URL" ]; then
            kill -0 "$!" 2>/dev/null || { echo "bench: the sandbox exited: $(cat "$SCRATCH/sandbox-$1.err")" >&2; exit 1; }
            [ "$SECONDS" -lt "$deadline" ] || { echo "bench: the sandbox did not start" >&2; exit 1; }
            sleep 0.05
        fi
    done
}

start_sandbox 0
SMALL_URL="$SANDBOX_URL"
start_sandbox 10000
LARGE_URL="$SANDBOX_URL"
LARGE_PID="$SANDBOX_PID"

measure() { python3 "$HERE/measure.py" "$@" --home "$SCRATCH" --ocwizard "$BIN/ocwizard" --bench "$BIN/ocwizard-bench"; }

echo "ocwizard benchmarks — $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "medians; ratios are ocwizard / reference measured in this run (runs interleaved); first round of each is a discarded warm-up"
misses=0
run() { local status=0; measure "$@" || status=$?; if [ "$status" = 3 ]; then misses=$((misses + 1)); elif [ "$status" != 0 ]; then exit "$status"; fi; }
run first-screen --runs "$RUNS"
run frame --frames 2000
run submit --runs "$RUNS" --base-url "$SMALL_URL"
run listing --runs "$LARGE_RUNS" --base-url "$LARGE_URL" --sandbox-pid "$LARGE_PID"
run filter --rounds 20
run binary
if [ "$misses" -gt 0 ]; then
    echo "bench: $misses figure group(s) missed their target (see docs/BENCHMARKS.md)"
else
    echo "bench: every target met"
fi
