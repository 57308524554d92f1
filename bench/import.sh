#!/usr/bin/env bash
# Import speed and memory on a 1,000,000-row goodbooks-shaped file (issue 3). From one run it
# prints the baselines -- the sqlite3 shell's .import and psql's \copy of the same file into a
# plain table, which do no normalization -- next to `shelf import` of that file into an empty
# library on each database, with rows/s, the ratio (target: at least 0.5) and shelf's peak RSS
# (target: under 200 MB), measured with /usr/bin/time -f %M.
#   bench/import.sh [rows]        (default 1000000)
# The PostgreSQL side runs on a private server started here (initdb in a temp dir, a free port
# on 127.0.0.1, as the postgres user when run as root) and stopped by its own pid at the end.
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
  python3 bench/make_goodbooks_catalog.py ../shared/data/goodbooks-10k__books.csv "$file" "$rows"
fi
columns="$(head -1 "$file" | sed 's/,/ text, /g') text"

# "seconds peak_kb" of a command, from /usr/bin/time; the command's own output goes to $out/last.log
measure() {
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >"$out/last.log" 2>&1 || { cat "$out/last.log" >&2; exit 1; }
  cat "$out/time.txt"
}

# --- SQLite ---
rm -f "$out"/baseline.db* "$out"/shelf.db*
read -r sqlite_base _ < <(measure sqlite3 "$out/baseline.db" ".mode csv" ".import $file books")
read -r sqlite_shelf sqlite_rss < <(measure ./shelf --db "$out/shelf.db" import "$file")
grep -q "$rows added" "$out/last.log" || { echo "bench: shelf did not add every row:" >&2; cat "$out/last.log" >&2; exit 1; }

# --- PostgreSQL, on a private server ---
pgdir="$(mktemp -d /tmp/shelf-bench-pg-XXXXXX)"
chmod 777 "$pgdir"
as_postgres=()
[[ "$(id -u)" == 0 ]] && as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
pgpid=""
cleanup() {
  if [[ -n "$pgpid" ]] && kill -0 "$pgpid" 2>/dev/null; then
    kill -INT "$pgpid"
    for _ in $(seq 1 100); do kill -0 "$pgpid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$pgdir"
}
trap cleanup EXIT
"${as_postgres[@]}" "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
"${as_postgres[@]}" "$pgbin/postgres" -D "$pgdir/data" -p "$port" -k "$pgdir/data" -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off >"$pgdir/server.log" 2>&1 &
pgpid=$!
for _ in $(seq 1 100); do psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtc "select 1" >/dev/null 2>&1 && break; sleep 0.1; done
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE baseline" -c "CREATE DATABASE shelf"
psql -h 127.0.0.1 -p "$port" -U postgres -d baseline -qc "CREATE TABLE books ($columns)"
read -r pg_base _ < <(measure psql -h 127.0.0.1 -p "$port" -U postgres -d baseline -c "\\copy books FROM '$file' WITH (FORMAT csv, HEADER true)")
target="Host=127.0.0.1;Port=$port;Username=postgres;Database=shelf"
./shelf --db "$target" db create >/dev/null
read -r pg_shelf pg_rss < <(measure ./shelf --db "$target" import "$file")
grep -q "$rows added" "$out/last.log" || { echo "bench: shelf did not add every row:" >&2; cat "$out/last.log" >&2; exit 1; }

python3 - "$rows" "$sqlite_base" "$sqlite_shelf" "$sqlite_rss" "$pg_base" "$pg_shelf" "$pg_rss" <<'PY'
import sys
rows = int(sys.argv[1])
print(f"import of {rows:,} goodbooks-shaped rows into an empty library (one run each)")
print(f"{'database':<11}{'baseline':>22}{'shelf import':>24}{'ratio':>7}{'target':>8}{'peak RSS':>11}")
for name, tool, base, shelf, rss in [("SQLite", ".import", *sys.argv[2:5]), ("PostgreSQL", "\\copy", *sys.argv[5:8])]:
    base, shelf, rss = float(base), float(shelf), int(rss) / 1024
    ratio = base / shelf
    print(f"{name:<11}{tool:>8} {base:6.1f} s {rows / base:>7,.0f}/s {shelf:7.1f} s {rows / shelf:>9,.0f}/s {ratio:>6.2f} {'ok' if ratio >= 0.5 else 'MISSED':>7} {rss:>6.0f} MB {'ok' if rss < 200 else 'MISSED'}")
PY
