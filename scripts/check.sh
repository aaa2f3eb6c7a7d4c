#!/usr/bin/env bash
# Build sendsync and run its lit suite for every LLVM version, then once more
# with an ASan+UBSan build of the plugin for the newest version.
#
#   scripts/check.sh [N ...]          (default: $LLVM_VERSIONS, else "19 22")
#
# Environment:
#   LLVM_VERSIONS  versions to test (when no arguments are given)
#   SANITIZE=0     skip the sanitizer run (build/llvm-N-asan)
#   SKIP_DEPS=1    do not run scripts/install-deps.sh
#   JOBS           parallel build jobs (default: nproc)
#   CMAKE_ARGS     extra arguments for cmake's configure step
#   LIT_OPTS       extra lit arguments (lit reads it itself)
#
# Also runs scripts/style.sh (formatting, function and file sizes): each of
# its checks counts as one case.
#
# Ends with one line "N passed, N failed": totals over all runs. Unsupported
# and expectedly failing tests count as neither; unresolved, timed out and
# unexpectedly passing tests count as failed. A configure/build step that
# fails, or a lit run that fails without naming a failing test, counts as one
# failure. Exits non-zero when anything failed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

if [ "$#" -gt 0 ]; then
  versions=("$@")
else
  read -r -a versions <<<"${LLVM_VERSIONS:-19 22}"
fi
[ "${#versions[@]}" -gt 0 ] || { echo "check: no LLVM versions given" >&2; echo "0 passed, 1 failed"; exit 1; }
for v in "${versions[@]}"; do
  case "$v" in
    19|20|21|22) ;;
    *) echo "check: unsupported LLVM version '$v' (supported: 19 20 21 22)" >&2
       echo "0 passed, 1 failed"; exit 1 ;;
  esac
done
newest=$(printf '%s\n' "${versions[@]}" | sort -n | tail -n 1)
SANITIZE=${SANITIZE:-1}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
read -r -a extra_cmake_args <<<"${CMAKE_ARGS:-}"

total_pass=0
total_fail=0
report=()

finish() {
  echo
  echo "==== sendsync check summary ===="
  local line
  for line in "${report[@]}"; do echo "$line"; done
  echo "$total_pass passed, $total_fail failed"
  [ "$total_fail" -eq 0 ]
  exit $?
}
trap 'report+=("interrupted"); total_fail=$((total_fail + 1)); finish' INT TERM

# ---- dependencies ---------------------------------------------------------------
if [ "${SKIP_DEPS:-0}" != 1 ]; then
  dep_args=("${versions[@]}")
  [ "$SANITIZE" = 0 ] || dep_args+=(--sanitize)
  echo "==== installing dependencies: ${dep_args[*]} ===="
  if ! "$ROOT/scripts/install-deps.sh" "${dep_args[@]}"; then
    report+=("dependencies: FAILED (scripts/install-deps.sh ${dep_args[*]})")
    total_fail=$((total_fail + 1))
    finish
  fi
fi

# ---- real code: glibc's thread tests, SQLite, Open vSwitch, libgomp -------------
# Fetched (and OVS and libgomp configured), never committed. test/realcode and
# test/codegen/corpora.test run over them; a failed fetch is a failure (the
# tests would otherwise be silently UNSUPPORTED).
echo "==== fetching the real-code corpora (scripts/fetch-corpora.sh) ===="
if ! "$ROOT/scripts/fetch-corpora.sh"; then
  report+=("corpora: FAILED (scripts/fetch-corpora.sh)")
  total_fail=$((total_fail + 1))
fi

# ---- one configure + build + lit run ----------------------------------------------
# run_one <label> <build dir> <llvm version> <ON|OFF sanitize> <build type>
run_one() {
  local label=$1 dir=$2 version=$3 sanitize=$4 build_type=$5
  local args=(-S "$ROOT" -B "$dir"
              -DSENDSYNC_LLVM_VERSION="$version"
              -DSENDSYNC_SANITIZE="$sanitize"
              -DCMAKE_BUILD_TYPE="$build_type")
  if [ ! -f "$dir/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then
    args+=(-G Ninja)
  fi
  if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then
    args+=(-DSENDSYNC_WERROR=ON)
  fi
  args+=("${extra_cmake_args[@]}")

  echo
  echo "==== $label: configure ($dir) ===="
  if ! cmake "${args[@]}"; then
    report+=("$label: configure FAILED")
    total_fail=$((total_fail + 1))
    return
  fi
  echo "==== $label: build ===="
  if ! cmake --build "$dir" -j "$JOBS"; then
    report+=("$label: build FAILED")
    total_fail=$((total_fail + 1))
    return
  fi

  echo "==== $label: lit ===="
  local json="$dir/lit-results.json" rc
  rm -f "$json"
  LIT_OPTS="${LIT_OPTS:-} -o '$json'" cmake --build "$dir" --target check-sendsync
  rc=$?

  local counts pass fail other
  # In CI, where install-deps.sh installs every tool a test REQUIRES and a
  # failed corpus fetch is already a failure, an UNSUPPORTED test is one
  # that silently did not run (distcc.test, the editor tests): a failure.
  local strict_unsupported=0
  if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then strict_unsupported=1; fi
  if [ -f "$json" ] && counts=$(python3 - "$json" "$strict_unsupported" <<'EOF'
import json, sys
with open(sys.argv[1]) as f:
    data = json.load(f)
strict = sys.argv[2] == "1"
passed = failed = other = 0
for test in data.get("tests", []):
    code = test.get("code")
    if code in ("PASS", "FLAKYPASS"):
        passed += 1
    elif code in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT"):
        failed += 1
    elif code == "UNSUPPORTED" and strict:
        print("check: UNSUPPORTED in CI (a tool it REQUIRES is missing):",
              test.get("name"), file=sys.stderr)
        failed += 1
    else:  # XFAIL, UNSUPPORTED outside CI, ...
        other += 1
print(passed, failed, other)
EOF
  ); then
    read -r pass fail other <<<"$counts"
    local note=""
    if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
      fail=1
      note=" (lit exited with status $rc)"
    fi
    report+=("$label: $pass passed, $fail failed, $other unsupported/expectedly failed$note")
    total_pass=$((total_pass + pass))
    total_fail=$((total_fail + fail))
  else
    report+=("$label: lit FAILED to run (status $rc, no results)")
    total_fail=$((total_fail + 1))
  fi
}

# ---- style: formatting and sizes (scripts/style.sh), one case each ------------
echo
echo "==== style (scripts/style.sh) ===="
style_out=$("$ROOT/scripts/style.sh" 2>&1)
echo "$style_out"
if [[ "$(tail -n 1 <<<"$style_out")" =~ ^style:\ ([0-9]+)\ ok,\ ([0-9]+)\ failed$ ]]; then
  report+=("style: ${BASH_REMATCH[1]} passed, ${BASH_REMATCH[2]} failed")
  total_pass=$((total_pass + BASH_REMATCH[1]))
  total_fail=$((total_fail + BASH_REMATCH[2]))
else
  report+=("style: FAILED to run")
  total_fail=$((total_fail + 1))
fi

for v in "${versions[@]}"; do
  run_one "llvm-$v" "$ROOT/build/llvm-$v" "$v" OFF Release
done
if [ "$SANITIZE" != 0 ]; then
  run_one "llvm-$newest-asan" "$ROOT/build/llvm-$newest-asan" "$newest" ON RelWithDebInfo
fi

finish
