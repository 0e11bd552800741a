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
# A reused cluster: forget databases earlier test and bench runs created.
for db in $(as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -Atc "select datname from pg_database where datname like 'zb\_test\_%' or datname like 'zb\_bench\_%'"); do
  as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "drop database if exists $db" >/dev/null
done
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
