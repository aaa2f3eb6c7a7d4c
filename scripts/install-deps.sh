#!/usr/bin/env bash
# Install what sendsync needs to build and test, on Debian/Ubuntu (apt).
#
#   scripts/install-deps.sh [--demo] [N ...] [--sanitize] [--list]
#
# N: LLVM major versions (default: 19 22). For each: clang-N libclang-N-dev
# llvm-N-dev, plus llvm-N-tools (FileCheck, lit) for the tests and
# libclang-rt-N-dev with --sanitize (the ASan runtime). Always: cmake
# ninja-build make python3 gcc libcjson-dev pkg-config.
# --demo: only that (what `make build` and `make demo` need), for one N
# (default: 22). Without --demo, the test tools too: g++, clangd-19,
# clang-format-19 (the style check)
# and neovim (language-server tests), glibc-source, openvswitch-source,
# gcc-12-source (libgomp), csmith and its header (libcsmith-dev), time and npm
# (real-code, robustness and benchmark runs), distcc (the distributed-build
# test), llvm-N-tools.
# --list: print the packages, one a line, and install nothing.
# Idempotent: apt-get runs only when a package is missing.
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "$0"
}

versions=()
sanitize=0
demo=0
list=0
for arg in "$@"; do
  case "$arg" in
    --list) list=1 ;;
    --sanitize) sanitize=1 ;;
    --demo) demo=1 ;;
    -h|--help) usage; exit 0 ;;
    1[0-9]|2[0-9]) versions+=("$arg") ;;
    *) echo "install-deps: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$demo" = 1 ]; then
  [ "${#versions[@]}" -le 1 ] || { echo "install-deps: --demo takes one LLVM version, not ${versions[*]}" >&2; exit 2; }
  [ "${#versions[@]}" -gt 0 ] || versions=(22)
else
  [ "${#versions[@]}" -gt 0 ] || versions=(19 22)
fi

# The build: the plugin (clang-N's clang++ and LLVM's CMake package), the C
# tools (cJSON), cmake and ninja, python3 (CMake's configure step asks for
# it). LLVM's CMake package does not need llvm-N-tools (Debian does not
# check that its executables exist).
packages=(cmake ninja-build make python3 gcc libcjson-dev pkg-config)
for v in "${versions[@]}"; do
  packages+=("clang-$v" "libclang-$v-dev" "llvm-$v-dev")
done
if [ "$demo" = 0 ]; then
  # The tests: lit and FileCheck (llvm-N-tools), g++ for the C++ tests,
  # the editors and clangd, the corpora and the benchmarks.
  packages+=(g++ clangd-19 clang-format-19 neovim emacs-nox elpa-eglot glibc-source csmith libcsmith-dev time)
  # The real-code corpora that scripts/fetch-corpora.sh configures: Open
  # vSwitch and GCC 12's libgomp (the sources only; configuring them needs
  # gcc, make and python3, installed above).
  packages+=(openvswitch-source gcc-12-source)
  # distcc and distccd: test/tools/distcc.test builds a project through two
  # daemons on 127.0.0.1 (the package's own daemon stays off: STARTDISTCC
  # is false in /etc/default/distcc).
  packages+=(distcc)
  # npm fetches the SQLite amalgamation (npm pack better-sqlite3); machines
  # that already have Node.js keep theirs.
  command -v npm >/dev/null 2>&1 || packages+=(npm)
  for v in "${versions[@]}"; do
    packages+=("llvm-$v-tools")
  done
fi
if [ "$sanitize" = 1 ]; then
  for v in "${versions[@]}"; do
    packages+=("libclang-rt-$v-dev")
  done
fi

if [ "$list" = 1 ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  {
    echo "install-deps: this system has no apt-get/dpkg; install these (or your distribution's equivalents) by hand:"
    printf '    %s\n' "${packages[@]}"
    echo "LLVM/Clang are expected under /usr/lib/llvm-N (the Debian layout), or pass"
    echo "-DSENDSYNC_LLVM_PREFIX=<prefix> to cmake."
  } >&2
  exit 1
fi

installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [ "$status" = "install ok installed" ]
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all dependencies present (LLVM ${versions[*]}$([ "$demo" = 1 ] && echo ', demo set')$([ "$sanitize" = 1 ] && echo ', sanitizer runtime'))"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  {
    echo "install-deps: missing packages: ${missing[*]}"
    echo "install-deps: not root and sudo is not available; run this script as root or install them by hand."
  } >&2
  exit 1
fi

apt=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
echo "install-deps: installing ${missing[*]}"
"${apt[@]}" update -q

# A clear message for packages the configured archives do not carry
# (e.g. clang-20/clang-21 on Debian 12, which come from apt.llvm.org).
unavailable=()
for p in "${missing[@]}"; do
  candidate=$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: *//p')
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
    unavailable+=("$p")
  fi
done
if [ "${#unavailable[@]}" -gt 0 ]; then
  {
    echo "install-deps: no installation candidate for: ${unavailable[*]}"
    echo "install-deps: add an archive that carries them, e.g. LLVM's own (https://apt.llvm.org):"
    echo "    wget https://apt.llvm.org/llvm.sh && sudo bash llvm.sh <N>"
  } >&2
  exit 1
fi

"${apt[@]}" install -y -q --no-install-recommends "${missing[@]}"

still=()
for p in "${missing[@]}"; do
  installed "$p" || still+=("$p")
done
if [ "${#still[@]}" -gt 0 ]; then
  echo "install-deps: failed to install: ${still[*]}" >&2
  exit 1
fi
echo "install-deps: done"
