# Panelmark. Two entry points, both safe on a fresh Debian machine as root:
#   make run   installs what is missing, builds the desktop app and starts it
#   make test  installs what is missing, runs every check and test suite
SHELL := /bin/bash
.DEFAULT_GOAL := run
CARGO ?= cargo
CLI := target/release/panelmark

# Debian packages the core needs to build and test (poppler-utils: PDF checks in tests;
# libssl-dev: TLS to a shared PostgreSQL server). PostgreSQL itself: scripts/pg-test-cluster.sh.
CORE_APT := build-essential pkg-config poppler-utils libssl-dev

# The desktop app's targets: app-deps, app-build, app-run, test-ui, test-shell, test-e2e,
# app-measure (see mk/app.mk).
include mk/app.mk
# The PostgreSQL suites on a throwaway cluster: test-pg (see mk/pg.mk).
include mk/pg.mk

.PHONY: run test deps deps-core lint test-core bindings-check cli demo bench

deps-core:
	@scripts/ensure-rust.sh
	@scripts/ensure-apt.sh $(CORE_APT)

deps: deps-core app-deps

# Builds and starts the desktop app (it needs a display; without one it says how to use Xvfb).
run: deps
	@$(MAKE) --no-print-directory app-run

cli: deps-core
	$(CARGO) build --release --bin panelmark

# A demo campaign in the default database (or DB=path), printed from the command line.
demo: cli
	@id=$$($(CLI) $(if $(DB),--db $(DB),) demo --candidates 24 --seed 1) && \
	  $(CLI) $(if $(DB),--db $(DB),) results --campaign $$id

lint: deps
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps -p panelmark

test-core: deps-core
	PANELMARK_TEST_PG_SKIP="run by make test-pg" $(CARGO) test --all-targets
	$(CARGO) test --doc

# The TypeScript types are generated from the Rust types by the test runs (ts-rs); the
# committed copies must match what this build generates.
bindings-check: test-core test-shell
	@if [ -n "$$(git status --porcelain -- ui/src/lib/bindings)" ]; then \
	  echo "error: ui/src/lib/bindings is stale; run the tests and commit the result:"; \
	  git status --porcelain -- ui/src/lib/bindings; exit 1; \
	else echo "bindings: up to date"; fi

test: deps lint test-core test-pg test-shell bindings-check test-ui test-e2e
	@echo "make test: every suite passed"

# Speed and memory figures (not a test: these machines are shared and noisy): the core on a
# 5,000-candidate campaign, then the desktop app's start-up, idle memory and board time.
bench: cli
	$(CLI) bench --json
	@$(MAKE) --no-print-directory app-measure
