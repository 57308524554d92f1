#!/usr/bin/env bash
# shelf stats, db backup and db restore on a large library (issue 12). A goodbooks-shaped catalog
# (../shared/tools/gen_catalog.py) is imported into SQLite, then given what the generator lacks:
# pages, statuses, dates read for a quarter of the books, ratings for half, 50 shelves holding every
# book, and a sale for every tenth book (plain SQL). Then, each next to its floor in the same run:
#   stats            shelf stats --json           vs the same aggregates typed into sqlite3
#   backup (SQLite)  shelf db backup              vs sqlite3's VACUUM INTO alone
#   restore          into a new SQLite file and into a private PostgreSQL (no floor: the
#                    import of the same books is the nearest, see bench/import.sh)
#   backup (PG)      shelf db backup              vs pg_dump -Fc of the same database
#   stats (PG)       shelf stats --json
# and the query plans of the stats' GROUP BYs on SQLite.
#   bench/stats_backup.sh [books]      (default 1000000)
#   LIBRARY=/path/library.db SHELF=/path/shelf bench/stats_backup.sh   reuse a filled library / a built shelf
set -euo pipefail
cd "$(dirname "$0")/.."
books="${1:-1000000}"
out="${OUT:-$PWD/bench/out}"
mkdir -p "$out"
source bench/private_postgres.sh
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
shelf="${SHELF:-./shelf}"
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 0.001):.2f}')" "$1" "$2"; }

lib="${LIBRARY:-$out/tools-$books.db}"
if [[ ! -f "$lib" ]]; then
  file="$out/tools-catalog-$books.csv"
  [[ -f "$file" ]] || python3 ../shared/tools/gen_catalog.py "$books" "$file"
  "$shelf" --db "$lib" import "$file" --quiet
  sqlite3 "$lib" <<'SQL'
BEGIN;
UPDATE books SET pages = 100 + (id * 7919) % 900,
  status = CASE id % 4 WHEN 0 THEN 'read' WHEN 1 THEN 'want-to-read' WHEN 2 THEN 'reading' ELSE NULL END,
  date_read = CASE WHEN id % 4 = 0 THEN printf('%04d-%02d-%02d', 2000 + (id / 4) % 27, 1 + (id / 108) % 12, 1 + id % 28) END,
  rating = CASE WHEN id % 2 = 0 THEN 1 + id % 5 END;
INSERT INTO tags (name, name_key) SELECT 'shelf ' || value, 'shelf ' || value FROM generate_series(1, 50);
INSERT INTO book_tags (book_id, tag_id) SELECT id, (SELECT min(id) FROM tags) + id % 50 FROM books;
INSERT INTO sales (order_number, kind, book_id, book_title, quantity, unit_price_minor, discount_basis_points, total_minor, currency, sold_at, recorded_at)
  SELECT 'B-' || id, 'sale', id, title, 1, 1000, 0, 1000, 'USD', printf('%04d-%02d-01 10:00:00', 2020 + id % 7, 1 + id % 12), '2026-01-01 00:00:00' FROM books WHERE id % 10 = 0;
COMMIT;
SQL
fi
echo "library: $lib ($(sqlite3 "$lib" 'select count(*) from books') books)"

floor_sql="SELECT count(*), sum(pages), count(rating), sum(rating) FROM books;
SELECT status, count(*) FROM books GROUP BY status;
SELECT CAST(strftime('%Y', date_read) AS INTEGER), CAST(strftime('%m', date_read) AS INTEGER), count(*), sum(pages) FROM books WHERE date_read IS NOT NULL GROUP BY 1, 2;
SELECT author_id, count(*) FROM book_authors GROUP BY author_id ORDER BY 2 DESC, 1 LIMIT 10;
SELECT tag_id, count(*) FROM book_tags GROUP BY tag_id ORDER BY 2 DESC, 1 LIMIT 10;
SELECT count(*) FROM authors; SELECT count(*) FROM tags;
SELECT currency, sum(quantity), sum(total_minor) FROM sales GROUP BY currency;"
"$shelf" --db "$lib" stats --json >/dev/null   # warm the page cache
t0=$(now); sqlite3 "$lib" "$floor_sql" >/dev/null; t1=$(now)
"$shelf" --db "$lib" stats --json >"$out/stats.json"; t2=$(now)
floor=$(secs "$t0" "$t1"); figure=$(secs "$t1" "$t2")
echo "stats (SQLite):   floor (sqlite3) ${floor}s   shelf ${figure}s   ratio $(ratio "$figure" "$floor")"
echo "query plans (SQLite):"
sqlite3 "$lib" "EXPLAIN QUERY PLAN SELECT status, count(*) FROM books GROUP BY status;
EXPLAIN QUERY PLAN SELECT author_id, count(*) FROM book_authors GROUP BY author_id ORDER BY 2 DESC LIMIT 10;
EXPLAIN QUERY PLAN SELECT tag_id, count(*) FROM book_tags GROUP BY tag_id ORDER BY 2 DESC LIMIT 10;
EXPLAIN QUERY PLAN SELECT CAST(strftime('%Y', date_read) AS INTEGER), count(*) FROM books WHERE date_read IS NOT NULL GROUP BY 1;" | sed 's/^/  /'

backup="$out/tools-$books.shelf-backup"
vacuum="$out/tools-vacuum.db"
rm -f "$backup" "$vacuum"
t0=$(now); sqlite3 "$lib" "VACUUM INTO '$vacuum'"; t1=$(now)
"$shelf" --db "$lib" db backup "$backup" --quiet; t2=$(now)
floor=$(secs "$t0" "$t1"); figure=$(secs "$t1" "$t2")
echo "backup (SQLite):  floor (VACUUM INTO) ${floor}s   shelf ${figure}s   ratio $(ratio "$figure" "$floor")   archive $(du -m "$backup" | cut -f1) MB, library $(du -m "$lib" | cut -f1) MB"
rm -f "$vacuum"

copy="$out/tools-restored.db"
rm -f "$copy"*
t0=$(now); "$shelf" --db "$copy" db restore "$backup" --quiet; t1=$(now)
echo "restore (SQLite): shelf $(secs "$t0" "$t1")s"
rm -f "$copy"*

start_private_postgres "$pgbin"
url="postgres://postgres@127.0.0.1:$port/tools"
"$shelf" --db "$url" db create --quiet
t0=$(now); "$shelf" --db "$url" db restore "$backup" --quiet; t1=$(now)
echo "restore (PG):     shelf $(secs "$t0" "$t1")s"
pg_backup="$out/tools-pg.shelf-backup"
t0=$(now); "$pgbin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -Fc -f "$out/tools.pgdump" tools; t1=$(now)
"$shelf" --db "$url" db backup "$pg_backup" --quiet; t2=$(now)
floor=$(secs "$t0" "$t1"); figure=$(secs "$t1" "$t2")
echo "backup (PG):      floor (pg_dump -Fc) ${floor}s   shelf ${figure}s   ratio $(ratio "$figure" "$floor")"
"$shelf" --db "$url" stats --json >/dev/null
t0=$(now); "$shelf" --db "$url" stats --json >/dev/null; t1=$(now)
echo "stats (PG):       shelf $(secs "$t0" "$t1")s"
rm -f "$backup" "$pg_backup" "$out/tools.pgdump"
