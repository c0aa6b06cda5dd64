#!/usr/bin/env bash
# Fuzzes one target with AFL++ through SharpFuzz for a given time:
#   tests/Engine.Fuzz/fuzz.sh tokenizer|sentences|quotes|session [SECONDS=600]
# Needs afl++ (apt-get install afl++) and the SharpFuzz tool (dotnet tool install -g SharpFuzz.CommandLine).
# New inputs that reach new code are copied into corpus/TARGET, crashes into crashes/TARGET: both
# are replayed by the test suite (FuzzCorpusTests), so commit them.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
out=$(mktemp -d)
export PATH="$PATH:$HOME/.dotnet/tools"

dotnet build -c Release -o "$out/bin" -v q --nologo > "$out/build.log" || { cat "$out/build.log"; exit 1; }
sharpfuzz "$out/bin/Engine.Core.dll" > /dev/null    # adds AFL's edge coverage to the engine's code

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
afl-fuzz -i "corpus/$target" -o "$out/findings" -t 10000 -m none -V "$seconds" -- dotnet "$out/bin/Engine.Fuzz.dll" "$target" > "$out/afl.log" 2>&1 || true

stats="$out/findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then tail -20 "$out/afl.log"; exit 1; fi
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs)' "$stats"
mkdir -p "crashes/$target"
run=$(date -u +%Y%m%d%H%M%S) # names of this run's inputs never replace an earlier run's
for f in "$out/findings/default/crashes"/id:*; do [ -e "$f" ] && cp "$f" "crashes/$target/$run-$(basename "$f" | tr ':,' '__')"; done
# Keep the inputs AFL++ found to reach new code (the smallest: 100, 40 for the session), so the replay
# stays fast (awk, not head, takes them: it reads to the end, so sort never dies of a closed pipe).
keep=100; [ "$target" = session ] && keep=40
find "$out/findings/default/queue" -maxdepth 1 -type f -name 'id:*' -size -8k -printf '%s %p\n' | sort -n | awk -v keep="$keep" 'NR <= keep' | while read -r _ f; do
  cp "$f" "corpus/$target/afl-$run-$(basename "$f" | cut -d, -f1 | tr ':' '_')"
done
crashes=$(grep -E '^saved_crashes' "$stats" | awk '{print $3}')
echo "crashes: $crashes (copied to crashes/$target); corpus: $(ls "corpus/$target" | wc -l) inputs"
[ "$crashes" = "0" ]
