#!/usr/bin/env bash
# Writes under concurrency (issue 9, point 7): PROCESSES shelf processes at once, each running
# EDITS one-shot `shelf edit` commands on random books of one library of BOOKS books, on SQLite
# and on a private PostgreSQL. Prints, per database, how many edits failed (target: 0), the
# median and slowest edit, and the same for `add` run the same way, so edit can be held against add.
#   bench/concurrent_edits.sh [PROCESSES] [EDITS] [BOOKS] [SHELF]   (default 8 100 800 ./shelf)
set -euo pipefail
cd "$(dirname "$0")/.."
processes="${1:-8}" edits="${2:-100}" books="${3:-800}" shelf="${4:-./shelf}"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$pgbin/postgres" ]] || { echo "bench: needs the PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
"$shelf" --version >/dev/null

work="$(mktemp -d /tmp/shelf-concurrent-XXXXXX)"
source bench/private_postgres.sh
start_private_postgres "$pgbin"
trap 'stop_private_postgres; rm -rf "$work"' EXIT
head -n "$((books + 1))" tests/data/goodbooks-10k__books.csv >"$work/catalog.csv"

# One worker: COUNT commands of one kind, each line of its log "exit-code seconds".
worker() {
  local target="$1" kind="$2" count="$3" log="$4"
  for i in $(seq 1 "$count"); do
    local start end code=0
    start="$(date +%s.%N)"
    if [[ "$kind" == edit ]]; then
      "$shelf" --db "$target" edit "$((RANDOM % books + 1))" --rating "$((RANDOM % 5 + 1))" --location "bench $i" >/dev/null 2>>"$log.err" || code=$?
    else
      "$shelf" --db "$target" add "Bench $BASHPID $i" --author "Bench Author" --pages 100 >/dev/null 2>>"$log.err" || code=$?
    fi
    end="$(date +%s.%N)"
    echo "$code $(echo "$end - $start" | bc)" >>"$log"
  done
}

run() {
  local name="$1" target="$2" kind="$3"
  rm -f "$work/$name-$kind".*
  local pids=()
  for p in $(seq 1 "$processes"); do
    worker "$target" "$kind" "$edits" "$work/$name-$kind.$p" &
    pids+=($!)
  done
  wait "${pids[@]}"
  cat "$work/$name-$kind".[0-9]* >"$work/$name-$kind.all"
  python3 - "$name" "$kind" "$work/$name-$kind.all" <<'PY'
import statistics, sys
name, kind, path = sys.argv[1:4]
rows = [line.split() for line in open(path)]
failed = sum(1 for code, _ in rows if code != "0")
seconds = sorted(float(s) for _, s in rows)
print(f"{name:<11}{kind:<6}{len(rows):>7}{failed:>8}{statistics.median(seconds):>10.2f} s{seconds[-1]:>9.2f} s")
PY
  [[ -s "$work/$name-$kind.err" ]] && sort "$work/$name-$kind.err" | uniq -c | sort -rn | head -3 >&2 || true
}

echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg); $processes processes x $edits commands on $books books" >&2
"$shelf" --db "$work/library.db" import "$work/catalog.csv" >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE shelf"
pg="Host=127.0.0.1;Port=$port;Username=postgres;Database=shelf"
"$shelf" --db "$pg" db create >/dev/null
"$shelf" --db "$pg" import "$work/catalog.csv" >/dev/null
printf '%-11s%-6s%7s%8s%12s%11s\n' database kind runs failed median slowest
run SQLite "$work/library.db" edit
run SQLite "$work/library.db" add
run PostgreSQL "$pg" edit
run PostgreSQL "$pg" add
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
