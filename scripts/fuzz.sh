#!/usr/bin/env bash
# Fuzzes edaran-core with cargo-fuzz (libFuzzer):
#   scripts/fuzz.sh TARGET SECONDS    one target for SECONDS
#   scripts/fuzz.sh all SECONDS       every target in turn, SECONDS each
#   scripts/fuzz.sh list              the targets
# Targets: numbering, exchange_json, import_csv, import_xlsx, verify_pdf.
# Installs cargo-fuzz if missing, writes seed corpora from tests/fixtures
# (fuzz/corpus/TARGET, dictionaries in fuzz/corpus/dict) and runs on the
# stable toolchain with RUSTC_BOOTSTRAP=1 (cargo-fuzz passes nightly flags).
# Findings go to fuzz/artifacts/TARGET/, the log to fuzz/artifacts/TARGET.log.
# Reproduce one:  scripts/fuzz.sh repro TARGET fuzz/artifacts/TARGET/crash-…
# Environment: FUZZ_SANITIZER (address | none; default address),
#              FUZZ_ARGS (extra libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(numbering exchange_json import_csv import_xlsx verify_pdf)
SANITIZER="${FUZZ_SANITIZER:-address}"
export RUSTC_BOOTSTRAP=1

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

setup() {
    if ! cargo fuzz --version >/dev/null 2>&1; then
        echo "==> Installing cargo-fuzz"
        cargo install cargo-fuzz --locked
    fi
    echo "==> Seed corpora from tests/fixtures"
    cargo run --quiet --manifest-path fuzz/Cargo.toml -p edaran-fuzz-seed -- \
        tests/fixtures fuzz/corpus
}

run() {
    local target="$1" seconds="$2"
    mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
    echo "==> Fuzzing $target for ${seconds}s (sanitizer: $SANITIZER)"
    # shellcheck disable=SC2086
    cargo fuzz run --fuzz-dir fuzz --sanitizer "$SANITIZER" "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 \
        -dict="fuzz/corpus/dict/$target.dict" -print_final_stats=1 ${FUZZ_ARGS:-} \
        2>&1 | tee "fuzz/artifacts/$target.log"
}

case "${1:-}" in
list)
    printf '%s\n' "${TARGETS[@]}"
    ;;
repro)
    [[ $# -eq 3 ]] || usage
    cargo fuzz run --fuzz-dir fuzz --sanitizer "$SANITIZER" "$2" "$3"
    ;;
all)
    [[ $# -eq 2 ]] || usage
    setup
    failed=()
    for t in "${TARGETS[@]}"; do
        run "$t" "$2" || failed+=("$t")
    done
    if [[ ${#failed[@]} -gt 0 ]]; then
        echo "==> Findings in: ${failed[*]} (see fuzz/artifacts/)" >&2
        exit 1
    fi
    echo "==> No findings in ${TARGETS[*]}"
    ;;
*)
    [[ $# -eq 2 ]] || usage
    [[ " ${TARGETS[*]} " == *" $1 "* ]] || { echo "unknown target: $1" >&2; usage; }
    setup
    run "$1" "$2"
    ;;
esac
