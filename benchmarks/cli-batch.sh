#!/usr/bin/env bash
# The command-line tool whole-process, in each way it can be built and run, side by side in one
# run: startup (one article, the median of RUNS) and throughput (EASC ×20, 3,060 documents, the
# median of 3), with the Python TextRank peer on the same documents.
#
#   benchmarks/cli-batch.sh [RUNS]          (from the repository root; RUNS defaults to 20)
#
# Needs clang (Native AOT) and, for the peer, Debian's python3-sklearn and python3-networkx.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shared=${ENGINE_SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

/usr/bin/python3 - "$shared/corpus/easc/docs.jsonl" "$work/easc20.jsonl" <<'PY'
import json, sys
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for copy in range(20):
        for d in docs:
            out.write(json.dumps({"id": f"{d['id']}-{copy}", "text": d["text"]}, ensure_ascii=False) + "\n")
PY
article=seeds/000_cc32e3e8c87c2fdc.txt

echo "building: framework-dependent (JIT), self-contained ReadyToRun, Native AOT" >&2
dotnet publish src/Engine.Cli -c Release -p:PublishAot=false -o "$work/jit" > /dev/null
dotnet publish src/Engine.Cli -c Release -r linux-x64 --self-contained -p:PublishAot=false -p:PublishReadyToRun=true -o "$work/r2r" > /dev/null
dotnet publish src/Engine.Cli -c Release -o "$work/aot" > /dev/null

# Milliseconds of wall time of one run of the command.
ms() { local t0 t1; t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
# The median over N runs.
median() { local n=$1; shift; for _ in $(seq "$n"); do ms "$@"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

row() {
  local name=$1; shift
  local start summarize quotes analyze
  start=$(median "$runs" env "$@" summarize "$article")
  summarize=$(median 3 env "$@" summarize --jsonl "$work/easc20.jsonl" --ratio 0.33 --out "$work/out.jsonl")
  quotes=$(median 3 env "$@" quotes --jsonl "$work/easc20.jsonl" --out "$work/out.jsonl")
  analyze=$(median 3 env "$@" analyze --jsonl "$work/easc20.jsonl" --ratio 0.33 --out "$work/out.jsonl")
  printf '| %s | %d | %d | %.0f | %d | %.0f | %d | %.0f |\n' "$name" "$start" \
    "$summarize" "$(echo "$summarize * 1000 / 3060" | bc -l)" "$quotes" "$(echo "$quotes * 1000 / 3060" | bc -l)" \
    "$analyze" "$(echo "$analyze * 1000 / 3060" | bc -l)"
}

echo "| build and settings | startup, one article (ms) | summarize 3,060 (ms) | µs/doc | quotes 3,060 (ms) | µs/doc | analyze 3,060 (ms) | µs/doc |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
row "JIT (framework-dependent), defaults" "$work/jit/engine"
row "JIT, DOTNET_TieredPGO=0" DOTNET_TieredPGO=0 "$work/jit/engine"
row "JIT, DOTNET_TieredCompilation=0" DOTNET_TieredCompilation=0 "$work/jit/engine"
row "JIT, DOTNET_TC_QuickJitForLoops=0" DOTNET_TC_QuickJitForLoops=0 "$work/jit/engine"
row "ReadyToRun (self-contained), defaults" "$work/r2r/engine"
row "ReadyToRun, DOTNET_TieredCompilation=0" DOTNET_TieredCompilation=0 "$work/r2r/engine"
row "Native AOT" "$work/aot/engine"

if /usr/bin/python3 -c 'import sklearn, networkx' 2> /dev/null; then
  peer=$(median 3 /usr/bin/python3 benchmarks/peers/textrank.py "$work/easc20.jsonl" "$work/peer.jsonl" --ratio 0.33)
  peer_start=$(median 3 /usr/bin/python3 benchmarks/peers/textrank.py <(head -1 "$work/easc20.jsonl") "$work/peer.jsonl")
  aot=$(median 3 "$work/aot/engine" summarize --jsonl "$work/easc20.jsonl" --ratio 0.33 --out "$work/out.jsonl")
  printf '| Python TextRank peer (scikit-learn + networkx) | %d (one line) | %d | %.0f | | | | |\n' "$peer_start" "$peer" "$(echo "$peer * 1000 / 3060" | bc -l)"
  printf '\nNative AOT summarize is %.1f× faster per document than the peer (%d ms against %d ms, measured again side by side).\n' "$(echo "$peer / $aot" | bc -l)" "$aot" "$peer"
else
  echo "(the Python peer needs: apt-get install python3-sklearn python3-networkx)" >&2
fi
