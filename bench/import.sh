#!/usr/bin/env bash
# Import speed and memory on a 1,000,000-row goodbooks-shaped file (issue 3). From one run it
# prints the baselines -- the sqlite3 shell's .import and psql's \copy of the same file into a
# plain table, which do no normalization -- next to `shelf import` of that file into an empty
# library on each database, with rows/s, the ratio (target: at least 0.5) and shelf's peak RSS
# (target: under 200 MB), measured with /usr/bin/time -f %M. Next to them, the floor: the same
# rows, already normalized into Shelf's tables, loaded by each database itself -- how close any
# importer of Shelf's schema could get to the baseline.
#   bench/import.sh [rows]        (default 1000000)
# The PostgreSQL side runs on a private server started here (initdb in a temp dir, a free port
# on 127.0.0.1, as the postgres user when run as root) and stopped by its own pid at the end; so
# does the MariaDB side (issue 13: LOAD DATA LOCAL INFILE as its baseline, mariadb-dump of what
# shelf wrote loaded back as its floor). SHELF_BENCH_MARIADB=0 leaves MariaDB out.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
out="$PWD/bench/out"
mkdir -p "$out"
for tool in sqlite3 psql /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install sqlite3 postgresql-client time python3)" >&2; exit 1; }
done
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$pgbin/postgres" ]] || { echo "bench: needs the PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }

echo "building shelf (Release, as ./shelf runs it)..." >&2
./shelf --help >/dev/null

file="$out/goodbooks-$rows.csv"
if [[ ! -f "$file" ]]; then
  echo "writing $file..." >&2
  python3 bench/make_goodbooks_catalog.py tests/data/goodbooks-10k__books.csv "$file" "$rows"
fi
columns="$(head -1 "$file" | sed 's/,/ text, /g') text"

# "seconds peak_kb" of a command, from /usr/bin/time; the command's own output goes to $out/last.log
measure() {
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$out/last.log" 2>&1 || { cat "$out/last.log" >&2; exit 1; }
  cat "$out/time.txt"
}

# --- SQLite ---
rm -f "$out"/baseline.db* "$out"/shelf.db* "$out"/floor.db*
read -r sqlite_base _ < <(measure sqlite3 "$out/baseline.db" ".mode csv" ".import $file books")
read -r sqlite_shelf sqlite_rss < <(measure ./shelf --db "$out/shelf.db" import "$file")
grep -q "$rows added" "$out/last.log" || { echo "bench: shelf did not add every row:" >&2; cat "$out/last.log" >&2; exit 1; }

# The floor: the very rows shelf wrote, already split into Shelf's tables, copied by SQLite
# itself into an empty library in one transaction, with the bulk tricks shelf uses (random-order
# indexes built after the rows, foreign keys checked in one pass at the end). No parsing and no
# normalization: what any importer writing Shelf's schema needs at least.
./shelf --db "$out/floor.db" db create >/dev/null
indexes="'ix_books_isbn13', 'ix_books_title_key', 'ix_books_year_published_title_key_id', 'ix_books_pages_id', 'ix_book_identifiers_scheme_value', 'ix_book_authors_author_id'"
{
  echo "PRAGMA foreign_keys = OFF; PRAGMA threads = $(nproc); ATTACH '$out/shelf.db' AS src; BEGIN;"
  sqlite3 "$out/floor.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE name IN ($indexes)"
  # WHERE 1 stops SQLite from copying the stored records as they are (its transfer optimization
  # between identical tables), which no importer reading a file can do: each row is built and
  # checked, as an importer's rows are.
  for table in authors tags books book_authors book_identifiers book_tags; do echo "INSERT INTO main.$table SELECT * FROM src.$table WHERE 1;"; done
  sqlite3 "$out/floor.db" "SELECT sql || ';' FROM sqlite_master WHERE name IN ($indexes)"
  echo "SELECT count(*) FROM pragma_foreign_key_check; COMMIT;"
} >"$out/floor.sql"
read -r sqlite_floor _ < <(measure sqlite3 "$out/floor.db" ".read $out/floor.sql")

# --- PostgreSQL, on a private server ---
source bench/private_postgres.sh
start_private_postgres "$pgbin"
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE baseline" -c "CREATE DATABASE shelf"
psql -h 127.0.0.1 -p "$port" -U postgres -d baseline -qc "CREATE TABLE books ($columns)"
read -r pg_base _ < <(measure psql -h 127.0.0.1 -p "$port" -U postgres -d baseline -c "\\copy books FROM '$file' WITH (FORMAT csv, HEADER true)")
target="Host=127.0.0.1;Port=$port;Username=postgres;Database=shelf"
./shelf --db "$target" db create >/dev/null
read -r pg_shelf pg_rss < <(measure ./shelf --db "$target" import "$file")
grep -q "$rows added" "$out/last.log" || { echo "bench: shelf did not add every row:" >&2; cat "$out/last.log" >&2; exit 1; }

# The floor: the very rows shelf wrote, dumped and loaded by pg_restore into an empty database in
# one transaction (tables, then COPY of every row, then indexes, then foreign keys).
"$pgbin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -d shelf -Fc -f "$pgdir/shelf.dump"
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE floor"
read -r pg_floor _ < <(measure "$pgbin/pg_restore" -h 127.0.0.1 -p "$port" -U postgres -d floor --single-transaction "$pgdir/shelf.dump")

# --- MariaDB, on a private server ---
my_results=()
if [[ "${SHELF_BENCH_MARIADB:-1}" != 0 ]]; then
  source bench/private_mariadb.sh
  start_private_mariadb
  trap 'stop_private_postgres; stop_private_mariadb' EXIT
  my=(mariadb -S "$mydir/sock" -uroot)
  "${my[@]}" -e "CREATE DATABASE baseline; CREATE DATABASE floor CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  "${my[@]}" baseline -e "CREATE TABLE books ($columns)"
  read -r my_base _ < <(measure "${my[@]}" --local-infile=1 baseline -e "LOAD DATA LOCAL INFILE '$file' INTO TABLE books CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\n' IGNORE 1 LINES")
  loaded="$("${my[@]}" -N baseline -e "SELECT COUNT(*) FROM books")"
  [[ "$loaded" == "$rows" ]] || { echo "bench: LOAD DATA read $loaded rows, not $rows" >&2; exit 1; }
  mtarget="mysql://root@127.0.0.1:$myport/shelf"
  ./shelf --db "$mtarget" db create >/dev/null
  read -r my_shelf my_rss < <(measure ./shelf --db "$mtarget" import "$file")
  grep -q "$rows added" "$out/last.log" || { echo "bench: shelf did not add every row:" >&2; cat "$out/last.log" >&2; exit 1; }
  # The floor: the very rows shelf wrote (the search words too), dumped and loaded back by the
  # server from its own dump, which turns keys and checks off while it loads.
  mariadb-dump -S "$mydir/sock" -uroot --single-transaction --triggers --routines shelf >"$mydir/shelf.sql"
  read -r my_floor _ < <(measure "${my[@]}" floor -e "source $mydir/shelf.sql")
  my_results=("$my_base" "$my_floor" "$my_shelf" "$my_rss")
fi

python3 - "$rows" "$sqlite_base" "$sqlite_floor" "$sqlite_shelf" "$sqlite_rss" "$pg_base" "$pg_floor" "$pg_shelf" "$pg_rss" "${my_results[@]}" <<'PY'
import sys
rows = int(sys.argv[1])
print(f"import of {rows:,} goodbooks-shaped rows into an empty library (one run each)")
print("baseline: the file loaded as it is into one plain table (.import / \\copy / LOAD DATA); the target is shelf >= 0.5 x its rows/s")
print("floor: the rows shelf wrote, already normalized, loaded by the database itself into Shelf's schema")
print(f"{'database':<11}{'baseline':>20}{'floor':>20}{'shelf import':>22}{'vs baseline':>13}{'vs floor':>10}{'peak RSS':>14}")
engines = [("SQLite", *sys.argv[2:6]), ("PostgreSQL", *sys.argv[6:10])] + ([("MariaDB", *sys.argv[10:14])] if len(sys.argv) >= 14 else [])
for name, base, floor, shelf, rss in engines:
    base, floor, shelf, rss = float(base), float(floor), float(shelf), int(rss) / 1024
    ratio = base / shelf
    print(f"{name:<11}{base:7.1f} s {rows / base:>8,.0f}/s{floor:7.1f} s {rows / floor:>8,.0f}/s{shelf:9.1f} s {rows / shelf:>8,.0f}/s"
          f"{ratio:7.2f} {'ok' if ratio >= 0.5 else 'MISSED':>6}{floor / shelf:8.2f}  {rss:6.0f} MB {'ok' if rss < 200 else 'MISSED'}")
PY
