#!/usr/bin/env bash
# Sales import speed (issue 4): a deterministic 100,000-row sales CSV imported with
# `shelf sale import` into a fresh PostgreSQL database and a fresh SQLite file, next to the
# database's own bulk loader reading the same file into a plain table (psql \copy, sqlite3
# .import), which checks nothing. Prints rows/s and the ratios, from one run.
#   bench/sales_import.sh [rows]      (default 100000)
#
# PostgreSQL: a private server started here (initdb + postgres on a free 127.0.0.1 port, as the
# postgres user through setpriv when run as root), stopped by its own pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
books=10000
out="$PWD/bench/out/sales"
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
command -v sqlite3 >/dev/null || { echo "bench: needs the sqlite3 shell (apt-get install sqlite3)"; exit 1; }
[[ -x "$pgbin/postgres" ]] || { echo "bench: needs PostgreSQL server binaries in $pgbin (apt-get install postgresql)"; exit 1; }

rm -rf "$out"
mkdir -p "$out"
pgroot="$(mktemp -d /tmp/shelf-bench-pg-XXXXXX)"
pgpid=""
stop_postgres() {
  if [[ -n "$pgpid" ]] && kill -0 "$pgpid" 2>/dev/null; then
    kill -INT "$pgpid"                     # fast shutdown of our own postmaster, by its pid
    for _ in $(seq 1 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$pgroot"
}
trap stop_postgres EXIT

# Seconds since the epoch with nanoseconds; elapsed times are differences of two of these.
now() { date +%s.%N; }
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[2]) / float(sys.argv[1]):.2f}')" "$1" "$2"; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }

echo "building shelf (Release, ReadyToRun, as ./shelf runs it)..." >&2
./shelf --help >/dev/null

python3 bench/make_simple_catalog.py tests/data/goodbooks-10k__books.csv "$out/catalog.csv" "$books"
python3 bench/make_sales.py "$out/sales.csv" "$rows" "$books"
echo "sales file: $out/sales.csv ($rows rows, $(du -h "$out/sales.csv" | cut -f1))" >&2

# --- PostgreSQL ------------------------------------------------------------------------------
as_postgres=()
if [[ "$(id -u)" == 0 ]]; then
  chmod 0777 "$pgroot"
  as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"${as_postgres[@]}" "$pgbin/initdb" -D "$pgroot/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$pgroot/initdb.log" 2>&1
# The same settings as the test server; durability off on both sides of the comparison.
"${as_postgres[@]}" "$pgbin/postgres" -D "$pgroot/data" -p "$port" -k "$pgroot/data" -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$pgroot/postgres.log" 2>&1 &
pgpid=$!
for _ in $(seq 1 100); do "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$port" && break; sleep 0.1; done
"$pgbin/pg_isready" -q -h 127.0.0.1 -p "$port" || { echo "bench: PostgreSQL did not start"; cat "$pgroot/postgres.log"; exit 1; }

pg="postgres://postgres@127.0.0.1:$port/shelf_bench"
psql_base=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
./shelf --db "$pg" db create >/dev/null
./shelf --db "$pg" import "$out/catalog.csv" >/dev/null

start=$(now)
./shelf --db "$pg" sale import "$out/sales.csv" >"$out/pg-shelf.txt"
end=$(now)
pg_shelf=$(elapsed "$start" "$end")
pg_count=$("${psql_base[@]}" -d shelf_bench -At -c "SELECT count(*) FROM sales")

"${psql_base[@]}" -d postgres -c "CREATE DATABASE plain_bench"
"${psql_base[@]}" -d plain_bench -c "CREATE TABLE sales_plain (order_number text, book_id int, quantity int, unit_price numeric, discount text, currency text, sold_at timestamptz)"
start=$(now)
"${psql_base[@]}" -d plain_bench -c "\\copy sales_plain FROM '$out/sales.csv' WITH (FORMAT csv, HEADER true)"
end=$(now)
pg_copy=$(elapsed "$start" "$end")

# --- SQLite ----------------------------------------------------------------------------------
./shelf --db "$out/shelf.db" import "$out/catalog.csv" >/dev/null
start=$(now)
./shelf --db "$out/shelf.db" sale import "$out/sales.csv" >"$out/sqlite-shelf.txt"
end=$(now)
sqlite_shelf=$(elapsed "$start" "$end")
sqlite_count=$(sqlite3 "$out/shelf.db" "SELECT count(*) FROM sales")

start=$(now)
sqlite3 "$out/plain.db" ".import --csv $out/sales.csv sales_plain"
end=$(now)
sqlite_import=$(elapsed "$start" "$end")

[[ "$pg_count" == "$rows" && "$sqlite_count" == "$rows" ]] || { echo "bench: expected $rows sales, got $pg_count (PostgreSQL) and $sqlite_count (SQLite)"; exit 1; }

echo
echo "Sales import, $rows rows ($(nproc) cores), wall time of each whole command:"
printf '  %-44s %8ss  %10s rows/s\n' "PostgreSQL  psql \\copy into a plain table" "$pg_copy" "$(rate "$rows" "$pg_copy")"
printf '  %-44s %8ss  %10s rows/s   %s of psql \\copy\n' "PostgreSQL  shelf sale import" "$pg_shelf" "$(rate "$rows" "$pg_shelf")" "$(ratio "$pg_shelf" "$pg_copy")"
printf '  %-44s %8ss  %10s rows/s\n' "SQLite      sqlite3 .import into a plain table" "$sqlite_import" "$(rate "$rows" "$sqlite_import")"
printf '  %-44s %8ss  %10s rows/s   %s of sqlite3 .import\n' "SQLite      shelf sale import" "$sqlite_shelf" "$(rate "$rows" "$sqlite_shelf")" "$(ratio "$sqlite_shelf" "$sqlite_import")"
