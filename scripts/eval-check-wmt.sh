#!/usr/bin/env bash
# Runs `sverka check` on the WMT22 ru-en documents in ../shared/corpus/wmt22-ru-en (professional
# translations, segment-aligned one line per segment, so every finding there is a false alarm or a
# real translator's liberty) and prints the findings per check. Evaluation only, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/wmt22-ru-en}
[ -d "$corpus" ] || corpus=/work/shared/corpus/wmt22-ru-en
bin=${SVERKA_BIN:-target/release/sverka}
[ -x "$bin" ] || cargo build --release --quiet
total=0
for d in "$corpus"/*/; do
    [ -f "$d/en.segs.txt" ] || continue
    n=$(wc -l < "$d/en.segs.txt")
    total=$((total + n))
    "$bin" check "$d/en.segs.txt" "$d/ru.segs.txt" --presegmented --langs en,ru --format json --fail-on info \
        > "/tmp/sverka-wmt-$(basename "$d").json" || true
done
echo "segments: $total"
cat /tmp/sverka-wmt-*.json | python3 -c '
import json, sys, collections
dec = json.JSONDecoder(); text = sys.stdin.read(); i = 0; c = collections.Counter(); items = []
while i < len(text):
    while i < len(text) and text[i].isspace(): i += 1
    if i >= len(text): break
    obj, i = dec.raw_decode(text, i)
    for f in obj["findings"]:
        c[(f["check"], f["severity"])] += 1; items.append(f)
for k, v in sorted(c.items()): print(k[0], k[1], v)
if "-v" in sys.argv:
    for f in items: print(f["check"], f["severity"], f["side"], f["sentence"], repr(f["found"]), f["message"])
' "${2:-}"
