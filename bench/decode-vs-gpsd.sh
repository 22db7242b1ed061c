#!/usr/bin/env bash
# tumen decode vs gpsd's gpsdecode on the same ≥1M-line file of real captures (AMSA ais.txt ×25).
#   bash bench/decode-vs-gpsd.sh [RUNS]        needs: npm run build, hyperfine, gpsdecode (gpsd-clients)
# Prints hyperfine's table and the median ratio; wall times are noisy on a shared box, so the mean user+sys
# CPU times (hyperfine reports means) are compared too.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
WORK="${TMPDIR:-/tmp}/tumen-bench-decode"
mkdir -p "$WORK"
INPUT="$WORK/amsa-x25.txt"
if [ ! -s "$INPUT" ]; then
  for _ in $(seq 25); do gzip -dc test/fixtures/ais/amsa-ais.txt.gz; done > "$INPUT"
fi
echo "input: $INPUT, $(wc -l < "$INPUT") lines, $(du -h "$INPUT" | cut -f1)"
hyperfine --runs "$RUNS" --warmup 1 --export-json "$WORK/hyperfine.json" \
  -n tumen "node bin/tumen.js decode $INPUT --format jsonl > /dev/null 2>/dev/null" \
  -n gpsdecode "gpsdecode -j < $INPUT > /dev/null 2>/dev/null"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).results;
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const by = Object.fromEntries(r.map((x) => [x.command, x]));
const t = by.tumen, g = by.gpsdecode;
const cpu = (x) => x.user + x.system; // hyperfine reports mean user and system times
console.log(`median wall: tumen ${med(t.times).toFixed(3)} s, gpsdecode ${med(g.times).toFixed(3)} s, ratio ${(med(g.times) / med(t.times)).toFixed(2)}x`);
console.log(`mean CPU (user+sys): tumen ${cpu(t).toFixed(3)} s, gpsdecode ${cpu(g).toFixed(3)} s, ratio ${(cpu(g) / cpu(t)).toFixed(2)}x`);
' "$WORK/hyperfine.json"
