# Two set-up commands (see README.md):
#   make        install missing Debian packages, build, run the whole pipeline on inputs/ into outputs/
#   make test   the same set-up, then the tests through ctest
# Other targets: build, deps, bench, clean.

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian bookworm packages the build, the pipeline and the tests need. Keep in step with README.md.
PACKAGES := build-essential cmake pkg-config \
  libpodofo-dev libxlsxwriter-dev nlohmann-json3-dev catch2 \
  libkainjow-mustache-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
  libhyphen-dev hyphen-no libsqlite3-dev libzip-dev nettle-dev \
  fonts-dejavu-core fonts-dejavu-extra icc-profiles-free \
  libreoffice-calc-nogui unzip qpdf poppler-utils python3 python3-jsonschema \
  mupdf-tools ghostscript python3-pikepdf python3-fonttools \
  libpdfbox2-java libactivation-java libjaxb-api-java default-jre-headless

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all run build deps test bench clean

all: run

deps: $(BUILD_DIR)/.deps-ok

# Installs only what dpkg does not already report as installed; the stamp is redone when this list changes.
$(BUILD_DIR)/.deps-ok: Makefile
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed$$' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing missing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p $(BUILD_DIR) && touch $@

$(BUILD_DIR)/CMakeCache.txt: $(BUILD_DIR)/.deps-ok CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/digivestland --inputs inputs --templates templates --out outputs all

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD_DIR)/digivestland-bench .

clean:
	rm -rf $(BUILD_DIR)
