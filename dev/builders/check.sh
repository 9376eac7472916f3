#!/usr/bin/env bash
# Each VTEX IO builder folder (node/, react/) builds alone: the builder receives that folder,
# installs its package.json and type-checks it with its tsconfig.json. This copies each folder
# (without node_modules) to a temporary directory outside the repository, installs it there
# and runs tsc, so that nothing from the root (node_modules, tsconfig.base.json, dev/) helps.
#
#   bash dev/builders/check.sh [--json FILE] [node] [react]
#
# Prints one line per builder (ok / FAIL) and exits non-zero when one fails. --json writes
# {"numPassedTests": n, "numFailedTests": m} for CI's summary. The installs run in parallel and
# prefer the npm cache that the root's `npm ci` filled (--prefer-offline).
set -uo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd -P)"
json=""
builders=()
while [ $# -gt 0 ]; do
  case "$1" in
    --json) json="${2:?--json needs a file}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) builders+=("$1"); shift ;;
  esac
done
[ ${#builders[@]} -gt 0 ] || builders=(node react)

work="$(mktemp -d "${TMPDIR:-/tmp}/vtex-builders.XXXXXX")" || { echo "mktemp failed"; exit 1; }
work="$(cd "$work" && pwd -P)"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
case "$work/" in
  "$root"/*) echo "temporary directory $work is inside the repository: set TMPDIR elsewhere"; exit 1 ;;
esac

# The root .npmrc is not read in the copy: pass its settings (legacy-peer-deps) explicitly.
npm_flags=(--no-audit --no-fund --ignore-scripts --legacy-peer-deps --prefer-offline)

check() {
  local name="$1" dir="$work/$1" log="$work/$1.log" start=$SECONDS
  if [ ! -f "$root/$name/package.json" ] || [ ! -f "$root/$name/tsconfig.json" ]; then
    echo "$name/ has no package.json or tsconfig.json" >"$log"
    echo "$name: FAIL (setup)" >"$work/$name.result"
    return 1
  fi
  mkdir -p "$dir"
  tar -C "$root/$name" --exclude=./node_modules --exclude=node_modules -cf - . | tar -C "$dir" -xf - \
    || { echo "$name: FAIL (copy)" >"$work/$name.result"; return 1; }
  if ! (cd "$dir" && npm install "${npm_flags[@]}") >"$log" 2>&1; then
    echo "$name: FAIL (npm install, $((SECONDS - start))s)" >"$work/$name.result"
    return 1
  fi
  # --no: use the folder's own typescript, never one fetched on the fly.
  if ! (cd "$dir" && npx --no -- tsc --noEmit -p tsconfig.json) >>"$log" 2>&1; then
    echo "$name: FAIL (tsc, $((SECONDS - start))s)" >"$work/$name.result"
    return 1
  fi
  echo "$name: ok ($((SECONDS - start))s)" >"$work/$name.result"
}

pids=()
for name in "${builders[@]}"; do
  check "$name" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

passed=0
failed=0
for name in "${builders[@]}"; do
  line="$(cat "$work/$name.result" 2>/dev/null || echo "$name: FAIL (no result)")"
  echo "builder $line"
  case "$line" in
    *": ok"*) passed=$((passed + 1)) ;;
    *)
      failed=$((failed + 1))
      [ -f "$work/$name.log" ] && tail -n 40 "$work/$name.log" | sed "s/^/  [$name] /"
      ;;
  esac
done

if [ -n "$json" ]; then
  printf '{"numPassedTests": %d, "numFailedTests": %d}\n' "$passed" "$failed" >"$json"
fi
[ "$failed" -eq 0 ]
