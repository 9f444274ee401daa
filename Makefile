# Panelmark. Two entry points, both safe on a fresh Debian machine as root:
#   make run   installs what is missing, builds, starts Panelmark
#   make test  installs what is missing, runs every check and test suite
SHELL := /bin/bash
.DEFAULT_GOAL := run
CARGO ?= cargo
BIN := target/release/panelmark
DB ?=
DB_ARG := $(if $(DB),--db $(DB),)

# Debian packages the core needs to build and test (poppler-utils: PDF checks in tests).
CORE_APT := build-essential pkg-config poppler-utils

.PHONY: run test deps-core lint test-core bindings-check cli demo bench

deps-core:
	@scripts/ensure-rust.sh
	@scripts/ensure-apt.sh $(CORE_APT)

cli: deps-core
	$(CARGO) build --release --bin panelmark

# Until the desktop app lands, `make run` imports the example job descriptions and builds a
# demo campaign in the default database (or DB=path), then prints what it made.
run: cli
	@for jd in tests/fixtures/jd/*.md; do $(BIN) $(DB_ARG) import-jd "$$jd" --save >/dev/null || exit 1; done
	@$(BIN) $(DB_ARG) role list
	@id=$$($(BIN) $(DB_ARG) demo --candidates 24 --seed 1) && echo && $(BIN) $(DB_ARG) results --campaign $$id \
	  && echo && $(BIN) $(DB_ARG) flags --campaign $$id && echo && $(BIN) $(DB_ARG) stats --campaign $$id
	@$(BIN) $(DB_ARG) verify

lint: deps-core
	$(CARGO) fmt --all --check
	$(CARGO) clippy --all-targets -- -D warnings

test-core: deps-core
	$(CARGO) test --all-targets
	$(CARGO) test --doc

# The TypeScript types are generated from the core by `cargo test` (ts-rs); the committed
# copies must match what this build generates.
bindings-check: test-core
	@if [ -n "$$(git status --porcelain -- ui/src/lib/bindings)" ]; then \
	  echo "error: ui/src/lib/bindings is stale; run 'cargo test' and commit the result:"; \
	  git status --porcelain -- ui/src/lib/bindings; exit 1; fi

test: lint test-core bindings-check

bench: cli
	$(BIN) bench --json
