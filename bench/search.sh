#!/usr/bin/env bash
# Search latency on a large library (issue 9): a catalog with realistic author counts
# (../shared/tools/gen_catalog.py: a third as many people as books, a fifth co-authored) imported
# into SQLite and into a private PostgreSQL, then 1,000 queries drawn from the library's own
# titles, authors and ISBNs plus field queries (bench/make_search_queries.py), run in process
# through the SearchBooks use case after a warm-up round (bench/SearchBench). Next to shelf's
# p50/p95/p99, the floor: the same SQL statements the use case ran, replayed in the database's
# own shell (sqlite3 .timer / psql \timing / mariadb -vvv), summed per query. Target: p99 <= 10 ms
# on SQLite and PostgreSQL; MariaDB (issue 13) is measured beside them, with no target of its own.
#   bench/search.sh [books]        (default 1000000)
# The PostgreSQL and MariaDB servers are started here (a temp dir each, a free port on 127.0.0.1,
# PostgreSQL as the postgres user when run as root) and stopped by their own pids at the end.
# SHELF_BENCH_MARIADB=0 leaves MariaDB out.
set -euo pipefail
cd "$(dirname "$0")/.."
books="${1:-1000000}"
out="$PWD/bench/out"
mkdir -p "$out"
for tool in sqlite3 psql python3; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install sqlite3 postgresql-client python3)" >&2; exit 1; }
done
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$pgbin/postgres" ]] || { echo "bench: needs the PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
generator="../shared/tools/gen_catalog.py"
[[ -f "$generator" ]] || { echo "bench: needs $generator (the catalog generator)" >&2; exit 1; }

echo "building shelf and the bench..." >&2
./shelf --help >/dev/null
dotnet build bench/SearchBench -c Release -o "$out/searchbench" --nologo -v quiet -clp:ErrorsOnly >&2
bench_bin="$out/searchbench/Shelf.SearchBench"

file="$out/search-catalog-$books.csv"
[[ -f "$file" ]] || { echo "writing $file..." >&2; python3 "$generator" "$books" "$file"; }

lib="$out/search-$books.db"
if [[ ! -f "$lib" ]]; then
  echo "importing into $lib..." >&2
  ./shelf --db "$lib" import "$file" >/dev/null
fi
queries="$out/search-queries.txt"
python3 bench/make_search_queries.py "$lib" "$queries" 1000

# "p50 p95 p99" of the floor: each line of the statements file is one query's SQL.
floor() { # provider statements-file target
  python3 - "$@" <<'PY'
import re, subprocess, sys
provider, statements, target = sys.argv[1:4]
lines = [l for l in open(statements, encoding="utf-8").read().split("\n") if l.strip()]
marker = "SELECT 'shelf-bench-query';"
# The marker on a line of its own: sqlite3's .timer times a whole input line, so a query sharing
# the marker's line would be skipped as the marker's own timing.
script = "\n".join(marker + "\n" + l for l in lines) + "\n" + marker + "\n"
if provider == "sqlite":
    command, pattern = ["sqlite3", target], re.compile(r"Run Time: real ([0-9.]+)")
    script = ".timer on\n" + script
    scale = 1000.0
elif provider == "mysql":
    # mariadb -vvv echoes each statement between dashed lines, then "(0.001 sec)" after its rows.
    command, pattern = ["mariadb", "-vvv", *target.split()], re.compile(r"\(([0-9.]+) sec\)")
    scale = 1000.0
else:
    command, pattern = ["psql", "-X", "-qAt", target], re.compile(r"Time: ([0-9.]+) ms")
    script = "\\timing on\n" + script
    scale = 1.0
for round in range(2):  # the first run warms the caches, as the bench's warm-up round does
    output = subprocess.run(command, input=script, capture_output=True, text=True, check=True).stdout
if provider == "mysql":
    # Each statement's echo, then its time: the marker's echo starts the next query.
    output = re.sub(r"-{14}\nSELECT 'shelf-bench-query'\n-{14}", "shelf-bench-query", output)
per_query, current = [], None
for line in output.split("\n"):
    if line.strip() == "shelf-bench-query":
        if current is not None:
            per_query.append(current)
        current = 0.0
        skip_next_time = True
        continue
    m = pattern.search(line)
    if m and current is not None:
        if skip_next_time:  # the marker's own timing
            skip_next_time = False
            continue
        current += float(m.group(1)) * scale
per_query.sort()
pick = lambda p: per_query[min(len(per_query) - 1, -(-p * len(per_query) // 100) - 1)]
print(f"{pick(50):.2f} {pick(95):.2f} {pick(99):.2f}")
PY
}

# --- SQLite ---
read -r s50 s95 s99 n < <("$bench_bin" "$lib" "$queries" "$out/search-sqlite.sql" "$out/search-sqlite-times.txt")
read -r f_s50 f_s95 f_s99 < <(floor sqlite "$out/search-sqlite.sql" "$lib")

# --- PostgreSQL, on a private server ---
source bench/private_postgres.sh
start_private_postgres "$pgbin"
target="Host=127.0.0.1;Port=$port;Username=postgres;Database=shelf"
echo "importing into PostgreSQL..." >&2
./shelf --db "$target" db create >/dev/null
./shelf --db "$target" import "$file" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -d shelf -qc "ANALYZE"
read -r p50 p95 p99 _ < <("$bench_bin" "$target" "$queries" "$out/search-postgres.sql" "$out/search-postgres-times.txt")
read -r f_p50 f_p95 f_p99 < <(floor postgres "$out/search-postgres.sql" "host=127.0.0.1 port=$port user=postgres dbname=shelf")

# --- MariaDB, on a private server (issue 13) ---
if [[ "${SHELF_BENCH_MARIADB:-1}" != 0 ]]; then
  source bench/private_mariadb.sh
  start_private_mariadb
  trap 'stop_private_postgres; stop_private_mariadb' EXIT
  mtarget="mysql://root@127.0.0.1:$myport/shelf"
  echo "importing into MariaDB..." >&2
  ./shelf --db "$mtarget" db create >/dev/null
  ./shelf --db "$mtarget" import "$file" >/dev/null
  mariadb -S "$mydir/sock" -uroot shelf -e "ANALYZE TABLE books, book_authors, authors, book_search" >/dev/null
  read -r m50 m95 m99 _ < <("$bench_bin" "$mtarget" "$queries" "$out/search-mariadb.sql" "$out/search-mariadb-times.txt")
  read -r f_m50 f_m95 f_m99 < <(floor mysql "$out/search-mariadb.sql" "-S $mydir/sock -uroot shelf")
fi

printf '%s queries on %s books (ranked, 20 a page), in process after a warm-up; floor: the same SQL in the database shell\n' "$n" "$books"
printf '%-11s %22s %22s\n' database "shelf p50/p95/p99 ms" "floor p50/p95/p99 ms"
printf '%-11s %6s %6s %7s  %6s %6s %7s\n' SQLite "$s50" "$s95" "$s99" "$f_s50" "$f_s95" "$f_s99"
printf '%-11s %6s %6s %7s  %6s %6s %7s\n' PostgreSQL "$p50" "$p95" "$p99" "$f_p50" "$f_p95" "$f_p99"
[[ -n "${m99:-}" ]] && printf '%-11s %6s %6s %7s  %6s %6s %7s\n' MariaDB "$m50" "$m95" "$m99" "$f_m50" "$f_m95" "$f_m99"
printf 'search: sqlite p99 %s ms, postgres p99 %s ms at %s books\n' "$s99" "$p99" "$books"
