# PostgreSQL targets. Included by the root Makefile.
#
#   test-pg   start a throwaway cluster (scripts/pg-test-cluster.sh: installs `postgresql` from
#             apt when missing, initdb in a temporary folder, unix socket only, fsync off), run
#             the PostgreSQL suites against it with PANELMARK_TEST_PG set, and stop and remove
#             the cluster afterwards, also when a test fails.
#
# The app's own PostgreSQL suite (src-tauri/tests/pg_app.rs) runs under the same cluster.
#
# `make test-core` runs every other suite; it tells the PostgreSQL suites to skip (they run
# here), so under CI=true they fail only when this target cannot start its server.

PG_SUITES := pg_security pg_server pg_audit pg_backend pg_privacy pg_verify pg_bench pg_exercises pg_panel_scores pg_exercise_panels

.PHONY: test-pg

# app-apt: the app's suite builds the shell, which links WebKitGTK.
test-pg: deps-core app-apt
	scripts/pg-test-cluster.sh run -- sh -c '$(CARGO) test $(addprefix --test ,$(PG_SUITES)) && $(CARGO) test -p panelmark-app --test pg_app'
