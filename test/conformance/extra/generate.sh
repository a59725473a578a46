#!/usr/bin/env bash
# Generate / verify the expected outputs of the extra conformance scenarios.
#
#   ./generate.sh            run every NN_*.py under CPython 3.11 (python3, vclock from the
#                            oracle beside the repo) and under CPython 3.14 (the Pyodide runner
#                            in tools/py314), each twice (PYTHONHASHSEED 0 and 4242);
#                            require identical stdout per version, empty stderr, exit 0;
#                            write NN_name.out = the 3.14 output; report 3.11 differences
#   ./generate.sh --check    same runs, but compare with the existing .out files instead
#   ./generate.sh [--check] 13 44   only scenarios whose name starts with 13 / 44
#
# Paths are relative to the repository, which is expected beside `shared/`
# (as in the workplace and in CI). The 3.14 runner's own dependency (the npm
# package pyodide, pinned in tools/py314/package-lock.json) is installed there
# on first use with `npm ci`; it is not a dependency of the site.
#
# Environment: ORACLE (default <repo>/../shared/oracle), PY311 (default python3),
#              NODE (default <repo>/node_modules/.bin/node if present, else node),
#              RUNNER314 (default <repo>/tools/py314/run314.mjs; see its README).
set -u
cd "$(dirname "$0")"
HERE="$(pwd)"
ROOT="$(cd ../../.. && pwd)"
ORACLE="${ORACLE:-$ROOT/../shared/oracle}"
PY="${PY311:-python3}"
if [ -z "${NODE:-}" ]; then
  if [ -x "$ROOT/node_modules/.bin/node" ]; then NODE="$ROOT/node_modules/.bin/node"; else NODE=node; fi
fi
TOOL="$ROOT/tools/py314"
RUNNER="${RUNNER314:-$TOOL/run314.mjs}"
[ -f "$ORACLE/vclock.py" ] || { echo "no vclock.py in $ORACLE (set ORACLE to the oracle folder)"; exit 1; }
if [ -z "${RUNNER314:-}" ] && [ ! -f "$TOOL/node_modules/pyodide/package.json" ]; then
  echo "== installing the 3.14 runner's dependency (npm ci in tools/py314)"
  npm ci --prefix "$TOOL" --no-audit --no-fund --loglevel=error > /dev/null || { echo "npm ci in $TOOL failed"; exit 1; }
fi
export PYTHONDONTWRITEBYTECODE=1
CHECK=0
if [ "${1:-}" = "--check" ]; then CHECK=1; shift; fi

files=()
for f in [0-9][0-9]_*.py; do
  base="$(basename "$f" .py)"
  if [ $# -gt 0 ]; then
    keep=0; for p in "$@"; do case "$base" in "$p"*) keep=1;; esac; done
    [ $keep = 1 ] || continue
  fi
  files+=("$f")
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/311" "$tmp/314"
fail=0

# A scenario of an API that 3.11 lacks says so in a line `# requires: Python 3.NN`
# (NN >= 12); it runs under 3.14 only.
only314() { grep -qE '^# requires: Python 3\.(1[2-9]|[2-9][0-9])' "$1"; }

echo "== CPython 3.11 ($("$PY" -c 'import sys; print(sys.version.split()[0])'))"
n314only=0
for f in "${files[@]}"; do
  base="$(basename "$f" .py)"
  if only314 "$f"; then n314only=$((n314only + 1)); continue; fi
  for seed in 0 4242; do
    PYTHONPATH="$ORACLE" PYTHONHASHSEED=$seed timeout 120 "$PY" "$f" > "$tmp/311/$base.$seed.out" 2> "$tmp/311/$base.$seed.err"
    rc=$?
    [ $rc -eq 0 ] || { echo "FAIL 3.11 $base: exit code $rc (seed $seed)"; fail=1; }
    [ -s "$tmp/311/$base.$seed.err" ] && { echo "FAIL 3.11 $base: stderr (seed $seed):"; head -20 "$tmp/311/$base.$seed.err" | sed 's/^/    /'; fail=1; }
  done
  cmp -s "$tmp/311/$base.0.out" "$tmp/311/$base.4242.out" || { echo "FAIL 3.11 $base: NOT deterministic"; fail=1; }
done

echo "== CPython 3.14 (Pyodide)"
"$NODE" "$RUNNER" --write "$tmp/314" --twice "${files[@]}" | grep -v '^wrote ' || true
for f in "${files[@]}"; do
  base="$(basename "$f" .py)"
  [ -f "$tmp/314/$base.err" ] && { echo "FAIL 3.14 $base: stderr:"; head -20 "$tmp/314/$base.err" | sed 's/^/    /'; fail=1; }
done

echo "== comparison"
ndiff=0
for f in "${files[@]}"; do
  base="$(basename "$f" .py)"
  o311="$tmp/311/$base.0.out"; o314="$tmp/314/$base.out"
  [ -f "$o314" ] || { echo "FAIL $base: no 3.14 output"; fail=1; continue; }
  if only314 "$f"; then
    echo "3.14 only: $base   ($(grep -m1 -E '^# requires: ' "$f" | sed 's/^# requires: //'))"
  elif ! cmp -s "$o311" "$o314"; then
    ndiff=$((ndiff + 1))
    echo "3.11 != 3.14: $base   (diff 3.11 3.14)"
    diff "$o311" "$o314" | sed 's/^/    /'
  fi
  if [ $CHECK = 1 ]; then
    if ! cmp -s "$o314" "$base.out"; then echo "FAIL $base: 3.14 output differs from $base.out"; diff "$base.out" "$o314" | head -20 | sed 's/^/    /'; fail=1; fi
  else
    cmp -s "$o314" "$base.out" 2>/dev/null || { cp "$o314" "$base.out"; echo "WROTE $base.out"; }
  fi
done
echo "----"
echo "${#files[@]} scenarios, $ndiff print differently under 3.11, $n314only use an API 3.11 lacks (see DIFFERENCES.md)"
[ $fail = 0 ] && echo "all deterministic, no stderr$([ $CHECK = 1 ] && echo ', .out files match 3.14')" || { echo "FAILURES above"; exit 1; }
