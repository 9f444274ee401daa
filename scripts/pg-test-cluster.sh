#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suites: initdb in a fresh temporary folder as the
# `postgres` user (initdb refuses root), listening only on a unix socket inside that folder (no
# TCP port, so parallel runs cannot clash), fsync off. Installs `postgresql` from apt if missing.
#
#   scripts/pg-test-cluster.sh run -- CMD ARGS...   start, run CMD with PANELMARK_TEST_PG set to
#                                                  the superuser URL, stop and remove the
#                                                  cluster whatever CMD does; exit with CMD's status
#   scripts/pg-test-cluster.sh start                start; print `export PANELMARK_TEST_PG=...`
#                                                  and `export PANELMARK_TEST_PG_DIR=...`
#   scripts/pg-test-cluster.sh stop DIR             stop (immediate) and remove a started cluster
#
# PG_TEST_PORT (default 55432) only names the socket file.
set -euo pipefail

PORT="${PG_TEST_PORT:-55432}"
SUPERUSER=panel
DBNAME=panelmark_test

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$dir" ] || { echo "pg-test-cluster: PostgreSQL binaries not found in /usr/lib/postgresql" >&2; return 1; }
  echo "$dir"
}

# Runs a command as the postgres user when we are root (initdb refuses root), else as ourselves.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  "$(dirname "$0")/ensure-apt.sh" postgresql >&2
  local bin dir
  bin=$(pg_bin)
  dir=$(mktemp -d /tmp/panelmark-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  if ! as_pg "$bin/initdb" -D "$dir/data" -A scram-sha-256 --auth-local=trust -U "$SUPERUSER" \
      -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    echo "pg-test-cluster: initdb failed" >&2
    return 1
  fi
  # Logins other than the superuser authenticate with SCRAM passwords, as on a real server:
  # the security tests sign in as real logins. Only the superuser is trusted, over the socket.
  cat >"$dir/data/pg_hba.conf" <<HBA
local all $SUPERUSER trust
local all all scram-sha-256
HBA
  if ! as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
      "-c listen_addresses='' -k $dir -p $PORT -c fsync=off -c full_page_writes=off" start >/dev/null; then
    cat "$dir/log" >&2 || true
    rm -rf "$dir"
    echo "pg-test-cluster: the server did not start" >&2
    return 1
  fi
  as_pg "$bin/createdb" -h "$dir" -p "$PORT" -U "$SUPERUSER" "$DBNAME"
  CLUSTER_DIR="$dir"
  CLUSTER_URL="postgresql://$SUPERUSER@/$DBNAME?host=$dir&port=$PORT"
}

stop() {
  local dir="$1" bin
  [ -d "$dir" ] || return 0
  bin=$(pg_bin) || true
  [ -f "$dir/data/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    start
    trap 'stop "$CLUSTER_DIR"' EXIT
    echo "pg-test-cluster: $CLUSTER_URL" >&2
    PANELMARK_TEST_PG="$CLUSTER_URL" "$@"
    ;;
  start)
    start
    echo "export PANELMARK_TEST_PG='$CLUSTER_URL'"
    echo "export PANELMARK_TEST_PG_DIR='$CLUSTER_DIR'"
    ;;
  stop)
    stop "${2:?usage: pg-test-cluster.sh stop DIR}"
    ;;
  *)
    echo "usage: pg-test-cluster.sh run -- CMD... | start | stop DIR" >&2
    exit 2
    ;;
esac
