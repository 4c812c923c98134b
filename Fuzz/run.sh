#!/usr/bin/env bash
# Builds the libFuzzer harnesses (release, with AddressSanitizer) and runs one of them on a corpus seeded from
# Fixtures/. Usage: Fuzz/run.sh normalizer|aligner|parser|html [libFuzzer options…]
# e.g.  Fuzz/run.sh parser -runs=10000000 -max_len=2048
# Crashes land in Fuzz/.build/crashes/<harness>/; copy each into Tests/Fixtures... (see README, "Fuzzing").
set -euo pipefail
cd "$(dirname "$0")"
harness="${1:?usage: Fuzz/run.sh normalizer|aligner|parser|html [libFuzzer options…]}"
shift
case "$harness" in
  normalizer) target=FuzzNormalizer ;;
  aligner) target=FuzzAligner ;;
  parser) target=FuzzParser ;;
  html) target=FuzzHTML ;;
  *) echo "Fuzz/run.sh: unknown harness '$harness' (normalizer, aligner, parser or html)" >&2; exit 2 ;;
esac
# SwiftPM kept a stale build plan for the parent package once a file was added there (the build then failed to
# find the new type): planning afresh costs a few seconds.
rm -f .build/release.yaml
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target" >&2
corpus=".build/corpus/$harness"
crashes=".build/crashes/$harness"
mkdir -p "$corpus" "$crashes"
if [ -z "$(ls -A "$corpus")" ]; then
  case "$harness" in
    normalizer|aligner)
      for f in ../Fixtures/seeds/*/input.txt ../Fixtures/handwritten/*/input.txt; do cp "$f" "$corpus/$(basename "$(dirname "$f")")"; done
      for f in ../Fixtures/corpus/c00[1-4]_*/{pdftotext,layout,ocr150,ocr150-jpeg-boxes}.txt; do
        cp "$f" "$corpus/$(basename "$(dirname "$f")")_$(basename "$f")"
      done ;;
    parser)
      # Canonical text, as the aligner writes it, built by the package's own CLI.
      (cd .. && for f in Fixtures/seeds/*/input.txt Fixtures/handwritten/*/input.txt; do
        swift run -c release nianbao align "$f" > "Fuzz/$corpus/$(basename "$(dirname "$f")").canonical.txt"
      done) ;;
    html)
      for f in ../Fixtures/html/*/page.html; do cp "$f" "$corpus/$(basename "$(dirname "$f")").html"; done
      for f in ../Fixtures/corpus/c00[1-4]_*/report.html; do cp "$f" "$corpus/$(basename "$(dirname "$f")").html"; done
      for f in ../Fixtures/docx/*/report.docx; do cp "$f" "$corpus/$(basename "$(dirname "$f")").docx"; done ;;
  esac
fi
exec ".build/release/$target" -artifact_prefix="$crashes/" -print_final_stats=1 "$@" "$corpus"
