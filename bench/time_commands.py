"""Times one-shot commands: shelf against the sqlite3 shell doing the same work on the same file."""
import statistics
import subprocess
import sys
import time

runs, db = int(sys.argv[1]), sys.argv[2]


def median_ms(make_command):
    samples = []
    for i in range(runs):
        command = make_command(i)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


list_sql = (
    "SELECT b.id, b.title, a.name, b.year_published, b.pages, b.isbn13 FROM books b "
    "LEFT JOIN book_authors ba ON ba.book_id = b.id LEFT JOIN authors a ON a.id = ba.author_id "
    "WHERE b.id IN (SELECT id FROM books ORDER BY title_key, id LIMIT 20) ORDER BY b.title_key, b.id, ba.position;"
)


def add_sql(i):
    return (
        "BEGIN IMMEDIATE; INSERT OR IGNORE INTO authors(name, sort_name, name_key) VALUES ('Bench Sqlite', 'Sqlite, Bench', 'bench sqlite'); "
        f"INSERT INTO books(title, title_key, pages, added_at, updated_at, read_count) VALUES ('sqlite bench {i}', 'sqlite bench {i}', 100, datetime('now'), datetime('now'), 0); "
        "INSERT INTO book_authors(book_id, author_id, position, role) SELECT last_insert_rowid(), id, 0, 'author' FROM authors WHERE name_key = 'bench sqlite'; COMMIT;"
    )


results = [
    ("list --limit 20", median_ms(lambda i: ["sqlite3", db, list_sql]), median_ms(lambda i: ["./shelf", "--db", db, "list", "--limit", "20"])),
    ("add", median_ms(lambda i: ["sqlite3", db, add_sql(i)]), median_ms(lambda i: ["./shelf", "--db", db, "add", f"Shelf bench {time.time_ns()}", "--author", "Bench Shelf", "--pages", "100"])),
]

print(f"one-shot commands on a 10,000-book SQLite library, median of {runs} runs each")
print(f"{'command':<18}{'sqlite3 shell':>15}{'shelf':>10}{'ratio':>8}{'target':>10}")
for name, baseline, ours in results:
    verdict = "ok" if ours < 300 else "MISSED"
    print(f"{name:<18}{baseline:>12.1f} ms{ours:>7.1f} ms{ours / baseline:>7.1f}x{'<300 ms ' + verdict:>14}")
