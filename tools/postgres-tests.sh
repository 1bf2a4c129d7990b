#!/bin/bash
# The tests on a real PostgreSQL server (pytest -m postgres): a throwaway cluster in a temporary folder, on
# a free port of 127.0.0.1, removed again whatever the outcome. Its test database is set up as a Chinese
# office's server would be (UTF-8, ICU collation zh-Hans-CN). As root the server runs as the postgres user,
# since initdb refuses root. Needs Debian's postgresql package (make system-deps) and the driver
# (.[postgresql], installed by make).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL is not installed (Debian: apt-get install postgresql, or make system-deps as root)"
  exit 1
fi
CLUSTER=$(mktemp -d /tmp/rfdesk-pg.XXXXXX)  # not under TMPDIR: the postgres user must reach it
AS=()
if [ "$(id -u)" = "0" ]; then
  chown postgres: "$CLUSTER"
  AS=(runuser -u postgres --)
fi
stop() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$CLUSTER/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$CLUSTER"
}
trap stop EXIT
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${AS[@]}" "$BIN/initdb" -D "$CLUSTER/data" -U rfdesk -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# Durability is not under test here: no fsync makes the cluster start and the tests run faster.
"${AS[@]}" "$BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $CLUSTER -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$CLUSTER/server.log"; exit 1; }
"$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U rfdesk -d postgres -v ON_ERROR_STOP=1 -c \
  "CREATE DATABASE rfdesk_test TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'zh-Hans-CN'"
export RFDESK_TEST_PG_URL="postgresql+psycopg://rfdesk@127.0.0.1:$PORT/rfdesk_test"
QT_QPA_PLATFORM=offscreen $PY -m pytest -q -m postgres tests/test_postgresql.py "$@"
