# ocwizard — build, try and test. `make run` and `make test` are the README's Quick start.
SWIFT ?= swift
BIN := .build/debug

# Debian packages: libraries to build, tools for the tests.
BUILD_PACKAGES := libcurl4-openssl-dev libncurses-dev libssl-dev
TEST_PACKAGES := tmux stunnel4 openssl curl
BENCH_PACKAGES := dialog valgrind
SCREENSHOT_PACKAGES := tmux curl python3-venv fonts-dejavu-core fonts-wqy-microhei
# strip (binutils), dpkg-shlibdeps (dpkg-dev) and man (the install test renders the page).
PACKAGE_PACKAGES := binutils dpkg-dev man-db

# Where make install puts things; DESTDIR stages them elsewhere (packaging, tests).
PREFIX ?= /usr/local
DESTDIR ?=

# The release build `make bench` measures: the Swift runtime linked into the binary instead of
# 11 shared libraries loaded at start-up (docs/BENCHMARKS.md). scripts/bench.sh uses the same
# flags by default.
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: build run test test-install deps test-deps screenshots bench install uninstall deb dist clean fuzz

## build: compile ocwizard and ocwizard-sandbox (debug)
build: deps
	$(SWIFT) build

## run: the wizard against a local sandbox of the Open Connectors API
run: build
	$(BIN)/ocwizard --sandbox

## test: unit, snapshot, sandbox integration, HTTPS and tmux end-to-end tests, then install and packages
test: deps test-deps
	$(SWIFT) build --build-tests
	LANG=C.UTF-8 $(SWIFT) test --skip-build --disable-xctest
	@$(MAKE) --no-print-directory test-install

## test-install: make install into a temporary root, make deb and make dist, and run what they hold
test-install: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(PACKAGE_PACKAGES) tmux"
	Tests/install/test-install.sh

## fuzz: libFuzzer targets (Fuzz/, -sanitize=fuzzer,address) from their seed corpora, FUZZ_SECONDS each (docs/FUZZING.md)
FUZZ_SECONDS ?= 15
fuzz: deps
	FUZZ_SECONDS="$(FUZZ_SECONDS)" scripts/fuzz.sh

## install: release binaries (static Swift runtime, stripped), man pages and completions into $(DESTDIR)$(PREFIX)
install: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(PACKAGE_PACKAGES)"
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" RELEASE_FLAGS="$(RELEASE_FLAGS)" scripts/package.sh install

## uninstall: remove what make install put into $(DESTDIR)$(PREFIX)
uninstall:
	PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" scripts/package.sh uninstall

## deb: dist/ocwizard_VERSION_ARCH.deb, built with dpkg-deb
deb: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(PACKAGE_PACKAGES)"
	RELEASE_FLAGS="$(RELEASE_FLAGS)" scripts/package.sh deb

## dist: dist/ocwizard-VERSION-linux-ARCH.tar.gz with the static binaries, man pages and completions
dist: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(PACKAGE_PACKAGES)"
	RELEASE_FLAGS="$(RELEASE_FLAGS)" scripts/package.sh dist

## screenshots: regenerate screenshots/*.png from a real run in tmux
screenshots: build
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SCREENSHOT_PACKAGES)"
	scripts/screenshots.sh

## bench: release build (static Swift runtime), then figures for start-up, frames, submit and large accounts
bench: deps
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BENCH_PACKAGES) $(TEST_PACKAGES)"
	BENCH_BUILD_FLAGS="$(RELEASE_FLAGS)" scripts/bench.sh

deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BUILD_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(TEST_PACKAGES)"

# Installs the Debian packages in PACKAGES that are missing (as root), or prints the command.
install-packages:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "missing Debian packages:$$missing"; \
			echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; \
		fi; \
	fi

clean:
	rm -rf .build dist
