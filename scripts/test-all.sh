#!/usr/bin/env bash
# The project's single test command (`npm test`). Does all set-up a fresh machine needs, then runs
# every tier: lint, core, cli, protocol, client, manifest and robustness tests, the extension suite
# inside a real VS Code, VSIX packaging, the UI test on the installed VSIX and the Neovim LSP test. Prints each tier's time
# and ends with one line `N passed, N failed` (what CI reads). Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD

ARTIFACTS=$REPO/test-artifacts
LOGS=$ARTIFACTS/logs
mkdir -p "$LOGS"
export NIANBAO_ARTIFACTS=$ARTIFACTS
if [ -z "${NIANBAO_TOOLS:-}" ]; then
  if [ -w /opt ]; then NIANBAO_TOOLS=/opt/nianbao-tools; else NIANBAO_TOOLS=$REPO/.cache/tools; fi
fi
export NIANBAO_TOOLS

PASSED=0
FAILED=0
SUMMARY=()
RUN_START=$SECONDS

# Counts from a tier's log: node:test (`# pass N` in TAP, `ℹ pass N` in spec) and mocha (`N passing`).
count_in_log() {
  local log=$1 kind=$2 clean
  clean=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
  if [ "$kind" = pass ]; then
    grep -oE '^(# |ℹ )pass [0-9]+|^ *[0-9]+ passing' <<<"$clean" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'
  else
    grep -oE '^(# |ℹ )fail [0-9]+|^ *[0-9]+ failing' <<<"$clean" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}'
  fi
}

# tier <name> <kind> <timeout-seconds> <command…>
#   kind=tests: counts come from the log; a non-zero exit or zero tests run also counts as a failure.
#   kind=step:  a set-up step; counts one failure if it fails, nothing if it succeeds.
tier() {
  local name=$1 kind=$2 limit=$3; shift 3
  local log=$LOGS/$name.log start=$SECONDS rc pass=0 fail=0
  echo
  echo "=== $name ==="
  timeout --kill-after=30 "$limit" "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  if [ "$kind" = tests ]; then
    pass=$(count_in_log "$log" pass)
    fail=$(count_in_log "$log" fail)
    if [ "$rc" != 0 ] && [ "$fail" = 0 ]; then fail=1; fi
    if [ "$rc" = 0 ] && [ "$pass" = 0 ] && [ "$fail" = 0 ]; then
      echo "test-all: $name ran no tests" >&2
      fail=1
    fi
  elif [ "$rc" != 0 ]; then
    fail=1
  fi
  [ "$rc" = 124 ] && echo "test-all: $name timed out after ${limit}s" >&2
  PASSED=$((PASSED + pass))
  FAILED=$((FAILED + fail))
  local took=$((SECONDS - start)) status=ok
  [ "$rc" = 0 ] && [ "$fail" = 0 ] || status="FAILED (exit $rc)"
  SUMMARY+=("$(printf '%-16s %5ss  %-18s %s' "$name" "$took" "$status" "$([ "$kind" = tests ] && echo "$pass passed, $fail failed")")")
  echo "--- $name: ${took}s, $status"
  return "$rc"
}

skip() {
  SUMMARY+=("$(printf '%-16s %5s   %s' "$1" "-" "SKIPPED ($2)")")
  FAILED=$((FAILED + 1))
  echo "--- $1: skipped ($2), counted as a failure"
}

if [ ! -d node_modules ]; then
  tier npm-ci step 900 npm ci --no-audit --no-fund
fi
tier typecheck step 300 npx --no-install tsc -p .
# ESLint with typescript-eslint's type-aware rules (eslint.config.mjs): floating promises and the like
tier lint step 300 npm run --silent lint
BUILD_OK=1
tier build step 300 npm run --silent build || BUILD_OK=0

tier core tests 600 node --test out/test/core/
# the command-line checker as a reviewer runs it (a process per test: formats, folders, hardening)
tier cli tests 600 node --test out/test/cli/
# the server driven over JSON-RPC (and its settings), the client against a stand-in vscode module,
# the manifest, grammar and translations.
tier protocol tests 600 node --test out/test/protocol/
tier client tests 300 node --test out/test/client/
tier manifest tests 300 node --test out/test/manifest/
# property-based and hostile-input tests of the core (fast-check)
[ -d test/robustness ] && tier robustness tests 900 node --test out/test/robustness/

# exported .docx/.html opened by LibreOffice (headless), read back with poppler; the review page of
# `nianbao check --format html` opened, screenshot and printed by Chromium (Debian packages)
if tier setup-consumers step 900 bash scripts/setup-consumers.sh; then
  tier consumers tests 900 node --test --test-concurrency=1 out/test/consumers/
else
  skip consumers "LibreOffice, poppler or Chromium could not be installed"
fi

TOOLS_OK=1
tier setup-editors step 1800 bash scripts/setup-vscode-offline.sh || TOOLS_OK=0
# shellcheck disable=SC1091
[ "$TOOLS_OK" = 1 ] && source "$NIANBAO_TOOLS/env.sh"

if [ "$TOOLS_OK" = 1 ] && [ "$BUILD_OK" = 1 ]; then
  tier vscode-suite tests 900 node out/test/vscode/run-tests.js
else
  skip vscode-suite "no build or no editor tools"
fi

VSIX=$REPO/test-artifacts/nianbao.vsix
VSIX_OK=0
if [ "$BUILD_OK" = 1 ]; then
  rm -f "$VSIX"
  tier package-vsix step 300 bash scripts/package-vsix.sh "$VSIX" && VSIX_OK=1
else
  skip package-vsix "no build"
fi

if [ "$TOOLS_OK" = 1 ] && [ "$VSIX_OK" = 1 ]; then
  export NIANBAO_VSIX=$VSIX
  tier ui tests 900 node --test --test-concurrency=1 out/test/ui/
else
  skip ui "no VSIX or no editor tools"
fi

if [ "$TOOLS_OK" = 1 ] && [ "$BUILD_OK" = 1 ]; then
  tier neovim tests 300 node --test out/test/nvim/
else
  skip neovim "no build or no neovim"
fi

echo
echo "=== summary (logs in test-artifacts/logs) ==="
printf '%s\n' "${SUMMARY[@]}"
echo "total            $((SECONDS - RUN_START))s"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
