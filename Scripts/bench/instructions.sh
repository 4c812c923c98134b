#!/usr/bin/env bash
# Instructions executed (valgrind's callgrind, Ir) by the normaliser and by the whole pipeline, for one or more
# release binaries. Unlike wall-clock time on a shared machine, the counts do not move from run to run: use them to
# compare two builds of the same code, and `nianbao bench` for rates.
#
#   swift build -c release --product nianbao
#   Scripts/bench/instructions.sh .build/release/nianbao [/path/to/other/nianbao …]
#
# Needs valgrind (apt-get install -y valgrind). The binaries are run from a copy without debug sections (valgrind
# 3.19 cannot read Swift's). Prints, per binary: instructions to normalise the seeds repeated 150 times (5.7 MB,
# `nianbao normalize`), and to run the pipeline bench over 200 reports on one core (`bench --pipeline --jobs 1`).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed (apt-get install -y valgrind)" >&2; exit 2; }
[ $# -ge 1 ] || { echo "usage: Scripts/bench/instructions.sh BINARY..." >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq 1 150); do cat Fixtures/seeds/*/input.txt; done > "$work/seeds.txt"
count() {  # count OUT COMMAND... : the Ir total of one run
    local out=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" > /dev/null 2> "$out.log"
    grep -o 'Collected : [0-9]*' "$out.log" | awk '{print $3}'
}
printf '%-40s %16s %16s\n' binary normalise pipeline
for binary in "$@"; do
    strip --strip-debug -o "$work/nianbao" "$binary"
    normalise=$(count "$work/n.out" "$work/nianbao" normalize "$work/seeds.txt")
    pipeline=$(count "$work/p.out" "$work/nianbao" bench --pipeline --reports 200 --rounds 1 --jobs 1)
    printf '%-40s %16s %16s\n' "$binary" "$normalise" "$pipeline"
done
