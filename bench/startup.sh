#!/usr/bin/env bash
# One-shot command latency on a 10,000-book SQLite library (issue 14, point 8: every one-shot
# command answers within 2x the time of `shelf --version`, the process floor). Prints, from one
# run, the median wall time of --version, list, show, search, add, edit and db status, each with
# its ratio to --version and next to the sqlite3 shell running the equivalent SQL.
#   bench/startup.sh [runs] [NAME=PATH/TO/shelf ...]
# runs defaults to 21. The build ./shelf makes (.shelf-build/shelf, run directly: the wrapper's
# source check is not part of a command's time) is always measured, as "shelf"; other builds
# given (e.g. before=/tmp/shelf-before/shelf, a copy of an earlier .shelf-build) are timed in the
# same rounds on the same library, so a before/after comparison shares the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-21}"
shift || true
out="bench/out"
mkdir -p "$out"
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell (apt-get install sqlite3)"; exit 1; }

echo "building shelf (Release, ReadyToRun, as ./shelf runs it)..." >&2
./shelf --help >/dev/null

python3 bench/make_simple_catalog.py tests/data/goodbooks-10k__books.csv "$out/catalog-10k.csv" 10000
rm -f "$out/library.db" "$out/library.db-wal" "$out/library.db-shm"
./shelf --db "$out/library.db" import "$out/catalog-10k.csv" >&2

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/time_commands.py "$runs" "$out/library.db" "$@" "shelf=.shelf-build/shelf"
