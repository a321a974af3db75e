# Two set-up commands (see README.md):
#   make        install missing Debian packages, build, run the whole pipeline on inputs/ into outputs/
#   make test   the same set-up, then the tests through ctest
# Other targets: build, deps, bench, fuzz, clean, clean-room (a fresh Debian root runs the two commands).
#
# Every step can be run again after it failed or was interrupted, without `make clean`: the
# package step and the configure step each leave their stamp in $(BUILD_DIR) only when they
# finished, and configure starts from a fresh CMake cache when the one left behind does not work.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian bookworm packages the build, the pipeline and the tests need, found by running `make` and
# `make test` in a fresh bookworm root (`make clean-room`). Keep in step with README.md.
PACKAGES := build-essential cmake pkg-config \
  libpodofo-dev libfreetype-dev libxlsxwriter-dev nlohmann-json3-dev catch2 \
  libkainjow-mustache-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
  libhyphen-dev hyphen-no libsqlite3-dev libzip-dev zlib1g-dev libharfbuzz-dev libdeflate-dev libjemalloc-dev nettle-dev libutf8proc-dev libxml2-dev \
  fonts-dejavu-core fonts-dejavu-extra icc-profiles-free \
  libreoffice-calc-nogui libreoffice-writer-nogui python3-docx libxml2-utils unzip qpdf poppler-utils python3 python3-jsonschema \
  mupdf-tools ghostscript python3-pikepdf python3-fonttools \
  libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless \
  clang libclang-rt-14-dev \
  chromium nodejs npm

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Wait for another apt or dpkg run to finish instead of failing at once on its lock.
APT := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600
CONFIGURE := cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
CACHE := $(BUILD_DIR)/CMakeCache.txt

.PHONY: all run build deps test bench fuzz clean clean-room force-configure

all: run

deps: $(BUILD_DIR)/.deps-ok

# Installs only what dpkg does not report as installed, then checks again: the stamp is written
# only when every package is there, and is redone when this Makefile changes. `dpkg --configure -a`
# first finishes an install that was interrupted (apt-get refuses to run until that is done).
# A package also counts as installed when an installed package provides it: NodeSource's nodejs
# provides npm, and asking apt for Debian's npm beside it would fail on the conflict.
installed = { dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' || \
  dpkg-query -W -f='$${Status}|$${Provides}\n' 2>/dev/null | sed -n 's/^install ok installed|//p' | \
  tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qxF "$$p"; }
$(BUILD_DIR)/.deps-ok: Makefile
	@rm -f $@
	@missing=""; for p in $(PACKAGES); do $(installed) || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing missing Debian packages:$$missing"; \
	  $(SUDO) dpkg --configure -a && \
	  $(APT) update -qq && \
	  $(APT) install -y -qq --no-install-recommends $$missing || exit 1; \
	  still=""; for p in $$missing; do $(installed) || still="$$still $$p"; done; \
	  if [ -n "$$still" ]; then echo "make: still not installed:$$still" >&2; exit 1; fi; \
	fi
	@mkdir -p $(BUILD_DIR) && touch $@

# Configured means: cmake finished (the stamp .configured), and its cache and generated build files
# are there and not newer than the stamp. Otherwise configure again. A configure that fails removes
# the cache it left, so the next run starts afresh; one that fails on a cache an earlier run left
# (interrupted, truncated, from another checkout) is tried once more from a fresh cache.
CONFIGURE_WHEN := $(if $(and $(wildcard $(CACHE)),$(or $(wildcard $(BUILD_DIR)/Makefile),$(wildcard $(BUILD_DIR)/build.ninja))),$(CACHE),force-configure)
$(BUILD_DIR)/.configured: $(BUILD_DIR)/.deps-ok CMakeLists.txt $(CONFIGURE_WHEN)
	@rm -f $@; had_cache=; [ -f $(CACHE) ] && had_cache=1; \
	echo "$(CONFIGURE)"; $(CONFIGURE) && exit 0; rm -f $(CACHE); \
	if [ -n "$$had_cache" ]; then \
	  echo "make: configure failed with the CMake cache left in $(BUILD_DIR); once more from a fresh cache"; \
	  $(CONFIGURE) && exit 0; rm -f $(CACHE); \
	fi; exit 1
	@touch $@

build: $(BUILD_DIR)/.configured
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/digivestland --inputs inputs --templates templates --out outputs all

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Timings in-process (digivestland-bench), then `all` for 430 and 4 300 synthetic municipalities
# with wall time and peak memory (tests/bench/scale.py; about 15 minutes on 2 cores).
# libFuzzer harnesses for the JSON input loader and the template engine under ASan and UBSan,
# FUZZ_SECONDS each (tests/fuzz/run.sh); exit 0 means no finding.
FUZZ_SECONDS ?= 60
fuzz: deps
	nice sh tests/fuzz/run.sh . $(BUILD_DIR) $(FUZZ_SECONDS)

bench: build
	$(BUILD_DIR)/digivestland-bench .
	python3 tests/bench/scale.py $(BUILD_DIR)/digivestland . $(BENCH_SIZES)

# A fresh Debian bookworm root (mmdebstrap) clones the current commit and runs `make` and
# `make test` as README.md says; see tests/clean-room/run.sh. Needs root (or sudo).
clean-room:
	$(SUDO) bash tests/clean-room/run.sh

clean:
	rm -rf $(BUILD_DIR)
