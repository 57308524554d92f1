#!/usr/bin/env bash
# Import time and peak memory of several shelf builds on one file, interleaved in one run (a
# before/after figure for a change), on SQLite and on a private PostgreSQL.
#   bench/compare_import.sh RUNS FILE NAME=PATH/TO/shelf [NAME=PATH ...]
# Each run imports FILE once per build in turn into an empty library of its own (a new SQLite
# file, a new PostgreSQL database), so a busy machine slows every build alike. Prints the median
# seconds and peak RSS per database and build, the load average at the start and the end, and each
# build's ratio to the first. Make a file with bench/make_goodbooks_catalog.py (see import.sh) or
# python3 ../shared/tools/gen_catalog.py ROWS FILE (many distinct authors).
set -euo pipefail
cd "$(dirname "$0")/.."
(($# >= 3)) || { echo "usage: bench/compare_import.sh RUNS FILE NAME=PATH/TO/shelf [NAME=PATH ...]" >&2; exit 2; }
runs="$1" file="$(realpath "$2")"
shift 2
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$pgbin/postgres" ]] || { echo "bench: needs the PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

work="$(mktemp -d /tmp/shelf-compare-import-XXXXXX)"
source bench/private_postgres.sh
start_private_postgres "$pgbin"
trap 'stop_private_postgres; rm -rf "$work"' EXIT
results="$work/results.tsv"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

for run in $(seq 1 "$runs"); do
  for build in "$@"; do
    name="${build%%=*}" shelf="${build#*=}"
    rm -f "$work/library.db"*
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$shelf" --db "$work/library.db" import "$file" >"$work/last.log" 2>&1 \
      || { cat "$work/last.log" >&2; exit 1; }
    echo "sqlite	$name	$(cat "$work/time.txt")" >>"$results"
    database="bench_${run}_${name//[^a-zA-Z0-9]/_}"
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE $database"
    target="Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
    "$shelf" --db "$target" db create >/dev/null
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$shelf" --db "$target" import "$file" >"$work/last.log" 2>&1 \
      || { cat "$work/last.log" >&2; exit 1; }
    echo "postgres	$name	$(cat "$work/time.txt")" >>"$results"
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "DROP DATABASE $database"
    echo "run $run, $name done" >&2
  done
done

python3 - "$results" "$file" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import collections, statistics, sys
results, file, runs, load = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
times, rss, order = collections.defaultdict(list), collections.defaultdict(list), []
for line in open(results):
    database, name, seconds, kb = line.split()
    times[database, name].append(float(seconds))
    rss[database, name].append(int(kb) / 1024)
    if name not in order:
        order.append(name)
print(f"import of {file}: median of {runs} interleaved runs; load at the end {load}")
print(f"{'database':<10}{'build':<16}{'seconds':>9}{'peak RSS':>11}{'vs ' + order[0]:>14}")
for database in ("sqlite", "postgres"):
    first = statistics.median(times[database, order[0]])
    for name in order:
        t = statistics.median(times[database, name])
        print(f"{database:<10}{name:<16}{t:8.1f}s{statistics.median(rss[database, name]):8.0f} MB{t / first:13.2f}x")
PY
