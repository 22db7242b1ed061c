#!/usr/bin/env bash
# tumen decode vs gpsd's gpsdecode per framing on real captures: exactEarth satellite ($PGHP + trailing
# epoch, ×8), DMA ($PGHP, ×4), AMSA (bare sentences, ×2), their concatenation (the mixture, 181 k lines) and
# the mixture ×5 (904 k lines: V8's compile work amortised as in a real day's file) and ×20 (3.6 M lines, 205 MB:
# how large a mixture must be before Node's start-up and V8's warm-up stop mattering).
#   npm run build && bash bench/decode-mix.sh [RUNS]     needs gpsdecode (gpsd-clients); reads /work/shared/data
# Measures user+sys CPU seconds (/usr/bin/time), runs interleaved tumen/gpsdecode, medians of RUNS: on a
# loaded shared box CPU time is steadier than wall time. Node's start-up (decode of an empty file) is
# reported apart: it is paid once per command.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
DATA="${DATA:-/work/shared/data/ais}"
WORK="${TMPDIR:-/tmp}/tumen-bench-decode-mix"
mkdir -p "$WORK"
if [ ! -s "$WORK/mix.txt" ]; then
  for _ in $(seq 8); do cat "$DATA/amsa/exact-earth-augmented.txt"; done > "$WORK/exactearth.txt"
  for _ in $(seq 4); do gzip -dc test/fixtures/ais/dma-stream_example.txt.gz; done > "$WORK/dma.txt"
  for _ in $(seq 2); do cat "$DATA/amsa/ais.txt"; done > "$WORK/amsa.txt"
  cat "$WORK/exactearth.txt" "$WORK/dma.txt" "$WORK/amsa.txt" > "$WORK/mix.txt"
  for _ in $(seq 5); do cat "$WORK/mix.txt"; done > "$WORK/mix5.txt"
  : > "$WORK/empty.txt"
fi
if [ ! -s "$WORK/mix20.txt" ]; then
  for _ in $(seq 4); do cat "$WORK/mix5.txt"; done > "$WORK/mix20.txt"
fi
cpu() { /usr/bin/time -o "$WORK/t.out" -f "%U %S" "$@" > /dev/null 2>&1; awk '{printf "%.3f", $1 + $2}' "$WORK/t.out"; }
med() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node -v), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
printf '%-11s %9s %8s %12s %12s %8s\n' input lines tumen_s gpsdecode_s 'tumen-start' ratio
for f in exactearth dma amsa mix mix5 mix20; do
  T=""; G=""; S=""
  for _ in $(seq "$RUNS"); do
    T="$T $(cpu node bin/tumen.js decode "$WORK/$f.txt" --format jsonl)"
    G="$G $(cpu sh -c "gpsdecode -j < $WORK/$f.txt")"
    S="$S $(cpu node bin/tumen.js decode "$WORK/empty.txt")"
  done
  t=$(echo "$T" | med); g=$(echo "$G" | med); s=$(echo "$S" | med)
  printf '%-11s %9s %8s %12s %12s %8s\n' "$f" "$(wc -l < "$WORK/$f.txt")" "$t" "$g" "$s" \
    "$(awk -v t="$t" -v g="$g" 'BEGIN {printf "%.2fx", g / t}')"
done
echo "ratio = gpsdecode CPU / tumen CPU (above 1: tumen faster); tumen-start = CPU of decoding an empty file"
