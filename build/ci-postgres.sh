#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the server tests and prints its DATABASE_URL.
# Usage: eval "$(bash build/ci-postgres.sh)"   (needs Debian's postgresql package; run as root or postgres)
set -euo pipefail
PORT="${ZHIBAN_PG_PORT:-55432}"
DIR="${ZHIBAN_PG_DIR:-/tmp/zhiban-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
