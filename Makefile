# sendsync — convenience targets (the real build is CMake; see CMakeLists.txt).
#
#   make demo                 install deps, build for LLVM $(LLVM), run the plugin over examples/
#   make check                build + lit for each of $(LLVM_VERSIONS), then an ASan/UBSan run
#   make build [LLVM=19]      configure + build build/llvm-$(LLVM)
#   make test  [LLVM=19]      build, then run lit on that build
#   make deps                 install the packages for $(LLVM_VERSIONS) (apt)
#   make format               clang-format -i the plugin sources
#   make clean                remove build/

LLVM ?= 22
LLVM_VERSIONS ?= 19 22
BUILD_TYPE ?= Release
BUILD_DIR := build/llvm-$(LLVM)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=

# Prefer the clang-format of the LLVM we build against, then any.
CLANG_FORMAT ?= $(firstword $(wildcard /usr/lib/llvm-$(LLVM)/bin/clang-format) \
                  $(shell for f in clang-format-$(LLVM) clang-format; do command -v $$f && break; done 2>/dev/null))
FORMAT_SOURCES = $(wildcard plugin/*.cpp plugin/*.h plugin/checks/*.cpp plugin/checks/*.h)

.PHONY: all demo check build test deps deps-one format clean help

all: build

help:
	@sed -n '3,9s/^# \{0,1\}//p' Makefile

# build and demo: only what building needs (no test tools); check and deps:
# everything the test suite uses.
deps-one:
	scripts/install-deps.sh --demo $(LLVM)

deps:
	scripts/install-deps.sh $(LLVM_VERSIONS) --sanitize

# The generator is chosen when the build directory is first configured (ninja
# may only have been installed by deps-one a moment ago).
build: deps-one
	@set -e; gen=; \
	if [ ! -f $(BUILD_DIR)/CMakeCache.txt ] && command -v ninja >/dev/null 2>&1; then gen="-G Ninja"; fi; \
	echo "cmake -S . -B $(BUILD_DIR) $$gen -DSENDSYNC_LLVM_VERSION=$(LLVM) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)"; \
	cmake -S . -B $(BUILD_DIR) $$gen -DSENDSYNC_LLVM_VERSION=$(LLVM) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	cmake --build $(BUILD_DIR) --target check-sendsync

demo: build
	scripts/demo.sh $(BUILD_DIR)

check:
	LLVM_VERSIONS="$(LLVM_VERSIONS)" JOBS="$(JOBS)" CMAKE_ARGS="$(CMAKE_ARGS)" scripts/check.sh

format:
	@if [ -z "$(CLANG_FORMAT)" ]; then \
	  echo "format: clang-format not found (apt-get install clang-format-$(LLVM))" >&2; exit 1; fi
	@if [ -z "$(strip $(FORMAT_SOURCES))" ]; then echo "format: no plugin sources yet"; exit 0; fi; \
	echo "$(CLANG_FORMAT) -i --style=file <plugin sources>"; \
	$(CLANG_FORMAT) -i --style=file $(FORMAT_SOURCES)

clean:
	rm -rf build
