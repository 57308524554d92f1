#!/usr/bin/env bash
# One-shot command latency on a 10,000-book SQLite library (issue: "A one-shot command starts
# and answers well under 300 ms"). Prints, from one run, the median wall time of
# `shelf list --limit 20` and `shelf add` next to the sqlite3 shell running the equivalent SQL.
#   bench/startup.sh [runs]     (default 21 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-21}"
out="bench/out"
mkdir -p "$out"
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell (apt-get install sqlite3)"; exit 1; }

echo "building shelf (Release, ReadyToRun, as ./shelf runs it)..." >&2
./shelf --help >/dev/null

python3 bench/make_simple_catalog.py tests/data/goodbooks-10k__books.csv "$out/catalog-10k.csv" 10000
rm -f "$out/library.db" "$out/library.db-wal" "$out/library.db-shm"
./shelf --db "$out/library.db" import "$out/catalog-10k.csv" >&2

python3 bench/time_commands.py "$runs" "$out/library.db"
