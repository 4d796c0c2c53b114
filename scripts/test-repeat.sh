#!/usr/bin/env bash
# Runs the README's test command n times on a fresh clone of the current commit and
# prints, for every run, whether it passed, how long it took and the tests that failed.
#
#   npm run test:repeat -- 3        (or: bash scripts/test-repeat.sh 3)
#
# The clone is made from HEAD (commit first: uncommitted changes are not in it), gets its
# own `npm ci` once, and keeps nothing between runs but node_modules: the suite creates
# its databases in memory or in temporary folders of its own. Exit status 0 only when
# every run passed. Logs stay in the printed folder for reading afterwards.
set -uo pipefail

runs="${1:-3}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "test:repeat: the number of runs must be a whole number from 1, not '$runs'" >&2
  exit 2
fi

source_dir="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sandbox-repeat.XXXXXX")"
commit="$(git -C "$source_dir" rev-parse --short HEAD)"
echo "test:repeat: $runs run(s) of 'npm test' on a fresh clone of $commit in $work"
if [ -n "$(git -C "$source_dir" status --porcelain --untracked-files=no)" ]; then
  echo "test:repeat: note: uncommitted changes in $source_dir are not part of the clone"
fi

git clone --quiet "$source_dir" "$work/clone" || exit 1
cd "$work/clone" || exit 1
git checkout --quiet "$commit" || exit 1
echo "test:repeat: npm ci"
if ! npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1; then
  echo "test:repeat: npm ci failed, see $work/npm-ci.log" >&2
  exit 1
fi

failed_runs=0
for run in $(seq 1 "$runs"); do
  log="$work/run-$run.log"
  started=$(date +%s)
  npm test >"$log" 2>&1
  status=$?
  took=$(( $(date +%s) - started ))
  # vitest colours its output; read it without the colour codes
  plain="$(sed -E 's/\x1b\[[0-9;]*m//g' "$log")"
  # one "Tests" line per vitest run (the fast tiers, then the browser tier)
  summary="$(grep -E '^ +Tests +' <<<"$plain" | sed -E 's/^ *Tests *//' | paste -sd '+' -)"
  if [ "$status" -eq 0 ]; then
    echo "run $run of $runs: passed in ${took} s (${summary:-no summary})"
  else
    failed_runs=$((failed_runs + 1))
    echo "run $run of $runs: FAILED in ${took} s (${summary:-no summary}); log: $log"
    # vitest marks each failed test with FAIL (file > describe > test) and a ×
    grep -E '^ *(FAIL|×) ' <<<"$plain" | sed 's/^ */    /' | sort -u | head -40
    grep -E 'error TS[0-9]+' <<<"$plain" | head -20 | sed 's/^/    /'
  fi
done

echo "test:repeat: $failed_runs of $runs run(s) failed (commit $commit, logs in $work)"
[ "$failed_runs" -eq 0 ]
