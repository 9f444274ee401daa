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

test: deps lint test-core test-pg test-shell bindings-check test-ui test-e2e test-e2e-shared
	@echo "make test: every suite passed"

# Speed and memory figures (not a test: these machines are shared and noisy): the core on a
# 5,000-candidate campaign, then the desktop app's start-up, idle memory and board time.
bench: cli
	$(CLI) bench --json
	@$(MAKE) --no-print-directory app-measure

# Fuzzing (not part of `make test`): each target in fuzz/ for SECONDS seconds (default 60),
# corpora seeded from the test fixtures. Only the stable toolchain exists here: RUSTC_BOOTSTRAP
# lets cargo-fuzz pass its nightly flags. Sanitizer off by default (FUZZ_SANITIZER=address to
# turn it on): the core forbids unsafe code, and without it each target runs ~3x more inputs.
FUZZ_TARGETS := job_description role_file candidate_csv anchors_file transfer_source
FUZZ_SECONDS := $(or $(SECONDS),60)
FUZZ_SANITIZER ?= none
.PHONY: fuzz fuzz-tools
fuzz-tools:
	@[ -x .tools/bin/cargo-fuzz ] || cargo install cargo-fuzz --locked --root .tools
fuzz: deps-core fuzz-tools
	@scripts/fuzz-seed.sh
	@mkdir -p fuzz/logs
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  PATH="$(CURDIR)/.tools/bin:$$PATH" RUSTC_BOOTSTRAP=1 nice cargo fuzz run -s $(FUZZ_SANITIZER) $$t \
	    -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 > fuzz/logs/$$t.log 2>&1; \
	  rc=$$?; grep -E '^stat::number_of_executed_units|^Done' fuzz/logs/$$t.log | tail -2; \
	  if [ $$rc -ne 0 ]; then echo "fuzz: $$t FAILED (see fuzz/logs/$$t.log and fuzz/artifacts/$$t)"; exit 1; fi; \
	done

# Crash trials (not part of `make test`): a writer saving scores is killed with SIGKILL at
# random moments; after each kill every acknowledged save must be present, the database
# intact and the audit chain whole. TRIALS=N (default 100).
.PHONY: crash-trials
crash-trials: deps-core
	$(CARGO) build --example crash_writer
	scripts/crash-trials.sh $(or $(TRIALS),100)
