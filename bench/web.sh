#!/usr/bin/env bash
# The web host under load (issue 11): `shelf serve` on a large library (SQLite, then a private
# PostgreSQL), wrk with 32 connections for 20 s against the library page with a search,
# GET /api/v1/books?q=... and GET /api/v1/books/{id}, next to a static file served by the same
# Kestrel (the floor: what the host costs without Shelf's work). Targets: p99 <= 50 ms for every
# case, >= 1,000 requests/s for a book by id.
#   bench/web.sh [books] [connections] [seconds]      (default 1000000 32 20)
# Try it end to end first in a minute: bench/web.sh 2000 8 3.
# SHELF=path/to/shelf uses that build instead of ./shelf (which builds on first use).
# BENCH_OUT=folder keeps the generated catalog, the SQLite library and the PostgreSQL cluster
# there (default bench/out), so worktrees can share one 1M-book load: each is made once, checked
# (the library must hold exactly [books] books) and rebuilt only when it is missing or short.
# SHELF_BENCH_SQLITE=0 measures PostgreSQL only; SHELF_BENCH_PG_OPTIONS="Maximum Pool Size=8;..."
# adds Npgsql connection-string options to the PostgreSQL target (to try a setting before making it one).
# Every server started here (shelf serve, PostgreSQL) is stopped by its own pid however the script
# ends; wrk targets only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
books="${1:-1000000}"
conns="${2:-32}"
seconds="${3:-20}"
out="${BENCH_OUT:-$PWD/bench/out}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
for tool in wrk sqlite3 psql python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install wrk sqlite3 postgresql-client python3 curl)" >&2; exit 1; }
done
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$pgbin/postgres" ]] || { echo "bench: needs the PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
generator="../shared/tools/gen_catalog.py"
[[ -f "$generator" ]] || { echo "bench: needs $generator (the catalog generator)" >&2; exit 1; }

shelf="${SHELF:-./shelf}"
echo "building shelf..." >&2
"$shelf" --version >/dev/null || { echo "bench: $shelf does not run" >&2; exit 1; }

# The catalog: written under a temporary name and renamed when complete, so a run cut short
# never leaves a partial file that later runs would take for the whole.
file="$out/search-catalog-$books.csv"
if [[ ! -f "$file" ]]; then
  echo "writing $file..." >&2
  python3 "$generator" "$books" "$file.partial" >/dev/null
  mv "$file.partial" "$file"
fi

serve_pid=""
stop_serve() {
  if [[ -n "$serve_pid" ]]; then
    kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
  fi
  serve_pid=""
}
work="$(mktemp -d /tmp/shelf-web-bench-XXXXXX)"
cleanup() { stop_serve; [[ -n "${pgpid:-}" ]] && stop_private_postgres; rm -rf "$work"; }
trap cleanup EXIT
# Ctrl+C stops wrk, which prints what it has and exits 0: without this the run would go on.
trap 'exit 130' INT TERM

# measure DB: prints "case req/s p50 p99" lines for the four cases, and "start ms"
measure() {
  local db="$1"
  # An owner: a site without one serves only /health.
  printf 'correct horse\n' | "$shelf" --db "$db" user add bench --role owner --password-stdin >/dev/null 2>&1 \
    || "$shelf" --db "$db" user role bench owner >/dev/null
  local token
  token="$("$shelf" --db "$db" token create --user bench --label web-bench)"
  local started=$(date +%s%N)
  exec {serve_out}< <("$shelf" --db "$db" serve --urls http://127.0.0.1:0 2>/dev/null & echo "pid $!"; wait)
  read -r _ serve_pid <&"$serve_out"
  local url
  read -r url <&"$serve_out"
  local start_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  echo "start $start_ms"
  # A word from a real title, and a book in the middle of the library.
  local id=$(( books / 2 ))
  local word
  word="$(curl -s -H "Authorization: Bearer $token" "$url/api/v1/books/$id" | python3 -c 'import json,sys; t=json.load(sys.stdin)["title"]; print(max(t.split(), key=len).strip(".,:;!?()\"").lower())')"
  local q
  q="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$word")"
  for case in "floor|/assets/site.css" "page|/?q=$q" "search|/api/v1/books?q=$q&limit=20" "book|/api/v1/books/$id"; do
    local name="${case%%|*}" path="${case#*|}"
    curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url$path" || { echo "bench: $url$path failed" >&2; exit 1; }
    wrk -t2 -c"$conns" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url$path" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s+" + label + r"\s+([0-9.]+)(us|ms|s)\b", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: ([0-9]+)", text)
p50, p99 = ms("50%"), ms("99%")
print(sys.argv[1], f"{rps:.0f}", f"{p50:.2f}", f"{p99:.2f}", errors.group(1) if errors else 0)
' "$name"
  done
  stop_serve
  exec {serve_out}<&-
}

report() { # label, lines from measure
  local label="$1"
  shift
  python3 - "$label" "$@" <<'PY'
import sys
label, lines = sys.argv[1], [l.split() for l in sys.argv[2:]]
start = next(l[1] for l in lines if l[0] == "start")
rows = {l[0]: l[1:] for l in lines if l[0] != "start"}
floor = float(rows["floor"][0])
print(f"{label}: shelf serve started in {start} ms")
print(f"  {'case':<8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs floor req/s':>15} {'non-2xx':>8}")
for name in ["floor", "page", "search", "book"]:
    rps, p50, p99, bad = rows[name]
    print(f"  {name:<8} {rps:>8} {p50:>8} {p99:>8} {float(rps) / floor:>15.2f} {bad:>8}")
PY
}

# The SQLite library: used again only if it holds exactly the catalog's books (an import cut
# short leaves none, a different run's library other counts).
lib="$out/search-$books.db"
if [[ "$(sqlite3 "$lib" "SELECT count(*) FROM books" 2>/dev/null || true)" != "$books" ]]; then
  echo "importing into $lib..." >&2
  rm -f "$lib" "$lib-wal" "$lib-shm"
  "$shelf" --db "$lib" import "$file" >/dev/null
fi
# In this shell, not a subshell, so the exit trap knows the serve process it starts.
sqlite_lines=()
if [[ "${SHELF_BENCH_SQLITE:-1}" != 0 ]]; then
  measure "$lib" >"$work/sqlite.lines"
  mapfile -t sqlite_lines <"$work/sqlite.lines"
  (( ${#sqlite_lines[@]} == 5 )) || { echo "bench: the SQLite run failed: ${sqlite_lines[*]}" >&2; exit 1; }
fi

source bench/private_postgres.sh
start_private_postgres "$pgbin" "$out/pg-$books"
trap cleanup EXIT
target="Host=127.0.0.1;Port=$port;Username=postgres;Database=shelf"
if [[ -n "${SHELF_BENCH_PG_OPTIONS:-}" ]]; then
  target="$target;${SHELF_BENCH_PG_OPTIONS}"
fi
if [[ "$(psql -h 127.0.0.1 -p "$port" -U postgres -d shelf -qAtc "SELECT count(*) FROM books" 2>/dev/null || true)" != "$books" ]]; then
  echo "importing into PostgreSQL (kept in $out/pg-$books for the next run)..." >&2
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS shelf" >/dev/null
  "$shelf" --db "$target" db create >/dev/null
  "$shelf" --db "$target" import "$file" >/dev/null
  psql -h 127.0.0.1 -p "$port" -U postgres -d shelf -qc "ANALYZE"
fi
measure "$target" >"$work/pg.lines"
mapfile -t pg_lines <"$work/pg.lines"
(( ${#pg_lines[@]} == 5 )) || { echo "bench: the PostgreSQL run failed: ${pg_lines[*]}" >&2; exit 1; }

echo "$books books, wrk -c$conns -d${seconds}s, each case after one warm request; floor: a static file from the same Kestrel"
(( ${#sqlite_lines[@]} == 0 )) || report SQLite "${sqlite_lines[@]}"
report PostgreSQL "${pg_lines[@]}"
python3 - "${sqlite_lines[@]}" "---" "${pg_lines[@]}" <<'PY'
import sys
args = sys.argv[1:]
cut = args.index("---")
def worst(lines):
    if not lines:
        return float("nan"), float("nan")
    rows = [l.split() for l in lines if not l.startswith(("start", "floor"))]
    return max(float(r[3]) for r in rows), next(float(r[1]) for r in rows if r[0] == "book")
(s99, sbook), (p99, pbook) = worst(args[:cut]), worst(args[cut + 1:])
print(f"web: sqlite worst p99 {s99:.1f} ms, book {sbook:.0f} req/s; postgres worst p99 {p99:.1f} ms, book {pbook:.0f} req/s (targets 50 ms, 1000 req/s)")
PY
