#!/usr/bin/env bash
# The whole suite: lint, types, migrations check, then pytest on SQLite and on PostgreSQL.
# In CI (CI=true) the PostgreSQL run and the browser tests are mandatory: nothing is skipped silently.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .
echo "== mypy"
$BIN/mypy
echo "== migrations are up to date"
DATABASE_URL= $BIN/peergoals makemigrations --check --dry-run >/dev/null

echo "== pytest on SQLite, with the browser tests"
DATABASE_URL= $BIN/pytest "$@"

pg_url="${DATABASE_URL:-}"
if [ -z "$pg_url" ] && $BIN/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then
    pg_url="postgres://postgres@127.0.0.1:5432/test"
fi
if [ -n "$pg_url" ]; then
    # The browser tests check pages, not the database: once, on SQLite above, is enough.
    echo "== pytest on PostgreSQL (browser tests ran on SQLite above)"
    DATABASE_URL="$pg_url" $BIN/pytest -m "not browser" "$@"
elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is required in CI but nothing answers at 127.0.0.1:5432" >&2
    exit 1
else
    echo "== PostgreSQL run SKIPPED: set DATABASE_URL or start a server on 127.0.0.1:5432"
fi
