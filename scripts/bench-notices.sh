#!/usr/bin/env bash
# End-to-end speed of what a clerk waits for: the notices of the issued Muba
# circular on the demo office, per agency head and per employee, as one
# merged PDF plus one file each. Prints pages/s and peak memory of the whole
# `edaran notices` process.
#
#   scripts/bench-notices.sh            # builds the release CLI first
#   EDARAN=/path/to/edaran scripts/bench-notices.sh [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
if [[ -z "${EDARAN:-}" ]]; then
    (cd "$root" && cargo build --release -q -p edaran-cli)
    EDARAN=${CARGO_TARGET_DIR:-$root/target}/release/edaran
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/edaran.db
edaran() { "$EDARAN" --db "$db" "$@"; }

edaran demo >/dev/null
id=$(edaran circular import "$root/tests/fixtures/muba-800-439-bkpsdm-2020.json" | tail -n 1 | tr -d ' ')
edaran circular issue "$id" --date 2020-05-12 >/dev/null

for run in $(seq 1 "$runs"); do
    out=$work/run-$run
    mkdir "$out"
    /usr/bin/time -v -o "$out/time" \
        "$EDARAN" --db "$db" notices "$id" -o "$out/all.pdf" --per-employee --format json >"$out/result.json"
    pages=$(sed -n 's/.*"pages": *\([0-9]*\).*/\1/p' "$out/result.json")
    files=$(sed -n 's/.*"files": *\([0-9]*\).*/\1/p' "$out/result.json")
    wall=$(sed -n 's/.*Elapsed (wall clock) time.*: \(.*\)/\1/p' "$out/time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): \(.*\)/\1/p' "$out/time")
    cpu=$(sed -n 's/.*Percent of CPU this job got: \(.*\)/\1/p' "$out/time")
    awk -v w="$wall" -v p="$pages" -v f="$files" -v r="$rss" -v c="$cpu" -v n="$run" 'BEGIN {
        k = split(w, t, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + t[i];
        printf "run %d: %d notices, %d pages in %.2f s = %.0f pages/s, CPU %s, peak RSS %.0f MiB\n", n, f, p, s, p / s, c, r / 1024
    }'
done
