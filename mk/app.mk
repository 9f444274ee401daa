# Desktop app targets. Included by the root Makefile; also usable alone from the repository
# root: `make -f mk/app.mk <target>`.
#
#   app-deps     system packages (only those missing), npm packages (npm ci), tauri-driver
#   app-build    release app with the bundled UI: npx tauri build --no-bundle
#                -> target/release/panelmark-app
#   app-run      build, then start the app (needs a display); APP_ARGS="--db PATH" to pass args
#   test-ui      type check (svelte-check) and unit tests (vitest)
#   test-shell   the Tauri shell's Rust unit tests (also regenerates its TypeScript bindings)
#   test-e2e     build, then drive the app through WebDriver under Xvfb (tests/e2e/run.mjs);
#                screenshots in test-output/e2e/
#   app-measure  build, then print start-up time, idle memory and the board at 5,000 candidates
#                (tests/e2e/measure.mjs), then every screen's open time at 2,000 (tests/e2e/large.mjs), as JSON
#   app-compare  every screen's open time at 2,000 for several builds, in turn, RUNS times each
#                (default 4): BUILDS="old/panelmark-app target/release/panelmark-app" (tests/e2e/compare.mjs)
#   app-large-screens  build, then screenshot Scoring, the board, Results, Campaigns, Audit and Export
#                at 2,000 candidates, with every screen's open time and elements (tests/e2e/large.mjs)
#   app-shared-e2e  build, then three apps at once on a throwaway PostgreSQL cluster: two panel
#                members and a moderator, independence and live updates (tests/e2e/shared.mjs);
#                screenshots in test-output/e2e-shared/ (release CLI for the server's set-up)
#   test-e2e-shared  the same three desks in `make test`, setting the server up with the debug CLI
#                the Rust suites built (no release build of the CLI in CI)
#   app-bindings-check  fail if ui/src/lib/bindings differs from what the Rust types generate

APP_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
APP_BIN := $(APP_ROOT)/target/release/panelmark-app
APP_TAURI_DRIVER := $(APP_ROOT)/.tools/bin/tauri-driver
APP_NPM_STAMP := $(APP_ROOT)/node_modules/.npm-ci-stamp
APP_XVFB := xvfb-run -a -s "-screen 0 1280x800x24"
APP_ARGS ?=
APP_SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# hyphen-en-gb: WebKitGTK's hyphenation dictionary for the page's language (score labels).
APP_APT_PACKAGES := libwebkit2gtk-4.1-dev pkg-config build-essential libdbus-1-dev \
	xvfb xauth webkit2gtk-driver imagemagick hyphen-en-gb

.PHONY: app-deps app-apt app-build app-run test-ui test-shell test-e2e test-e2e-shared app-measure app-compare app-large-screens app-shared-e2e app-bindings-check

app-deps: app-apt $(APP_NPM_STAMP) $(APP_TAURI_DRIVER)

app-apt:
	@missing=""; \
	for p in $(APP_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "app-deps: installing$$missing"; \
	  $(APP_SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(APP_SUDO) apt-get install -y $$missing; \
	else echo "app-deps: system packages present"; fi

# npm ci only when the lock file changed since the last install.
$(APP_NPM_STAMP): $(APP_ROOT)/package-lock.json $(APP_ROOT)/package.json
	cd $(APP_ROOT) && npm ci --no-fund --no-audit
	touch $@

$(APP_TAURI_DRIVER):
	cd $(APP_ROOT) && cargo install tauri-driver --locked --version '^2' --root .tools

app-build: app-apt $(APP_NPM_STAMP)
	cd $(APP_ROOT) && npx tauri build --no-bundle --ci

app-run:
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "app-run: no display (\$$DISPLAY is not set). Run the app under a virtual X server:"; \
	  echo "    make -f mk/app.mk app-build"; \
	  echo "    xvfb-run -a -s \"-screen 0 1280x800x24\" $(APP_BIN) --db /tmp/panelmark.db"; \
	  exit 1; \
	fi
	$(MAKE) -f $(APP_ROOT)/mk/app.mk app-build
	$(APP_BIN) $(APP_ARGS)

test-ui: $(APP_NPM_STAMP)
	cd $(APP_ROOT) && npx svelte-check --tsconfig ui/tsconfig.json --fail-on-warnings
	cd $(APP_ROOT) && npx vitest run --config ui/vite.config.ts

test-shell:
	cd $(APP_ROOT) && PANELMARK_TEST_PG_SKIP="run by make test-pg" cargo test -p panelmark-app

test-e2e: app-build $(APP_TAURI_DRIVER)
	cd $(APP_ROOT) && $(APP_XVFB) node tests/e2e/run.mjs

app-measure: app-build
	cd $(APP_ROOT) && cargo build --release --bin panelmark -q && $(APP_XVFB) node tests/e2e/measure.mjs
	cd $(APP_ROOT) && $(APP_XVFB) node tests/e2e/large.mjs

# Screenshots of Scoring (500 candidates on the panel), the board, Results, Campaigns and Audit on a 2,000-candidate
# demo, into test-output/e2e-large/ (tests/e2e/large.mjs).
app-large-screens: app-build
	cd $(APP_ROOT) && cargo build --release --bin panelmark -q && $(APP_XVFB) node tests/e2e/large.mjs

# Builds compared screen by screen (tests/e2e/compare.mjs): each of BUILDS in turn, RUNS times.
# Nothing is built here: BUILDS names app binaries already built (copy one aside before changing).
app-compare: $(APP_TAURI_DRIVER)
	@if [ -z "$(BUILDS)" ]; then echo 'app-compare: name the app binaries: BUILDS="a/panelmark-app b/panelmark-app"'; exit 2; fi
	@cd $(APP_ROOT) && cargo build --release --bin panelmark -q && $(APP_XVFB) node tests/e2e/compare.mjs --runs $(or $(RUNS),4) $(BUILDS)

# Two panel members and a moderator, each in their own app, on one throwaway PostgreSQL cluster
# (scripts/pg-test-cluster.sh, stopped afterwards also on failure): tests/e2e/shared.mjs.
app-shared-e2e: app-build $(APP_TAURI_DRIVER)
	cd $(APP_ROOT) && cargo build --release --bin panelmark -q && $(APP_XVFB) node tests/e2e/shared.mjs

# The CLI only sets the server up (init, logins, a campaign): the debug build is fast enough, and
# `make test` has built it already.
test-e2e-shared: app-build $(APP_TAURI_DRIVER)
	cd $(APP_ROOT) && cargo build --bin panelmark -q && \
	  PANELMARK_CLI=$(APP_ROOT)/target/debug/panelmark $(APP_XVFB) node tests/e2e/shared.mjs

# Fails when the committed TypeScript bindings differ from what the Rust types generate
# (ts-rs writes them into ui/src/lib/bindings/ while the tests run).
app-bindings-check:
	cd $(APP_ROOT) && cargo test --lib -q >/dev/null && cargo test -p panelmark-app -q >/dev/null
	@cd $(APP_ROOT) && if [ -n "$$(git status --porcelain -- ui/src/lib/bindings)" ]; then \
	  echo "app-bindings-check: ui/src/lib/bindings is stale; commit the regenerated files:"; \
	  git status --porcelain -- ui/src/lib/bindings; exit 1; \
	else echo "app-bindings-check: bindings up to date"; fi
