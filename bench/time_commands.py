"""Times one-shot commands against the process floor (`shelf --version`) and the sqlite3 shell.

    python3 bench/time_commands.py RUNS LIBRARY.db NAME=PATH/TO/shelf [NAME=PATH ...]

Issue 14, point 8: every one-shot command answers within 2x the time of `shelf --version`.
Each round runs every command once with the sqlite3 shell and once with each build in turn, so a
busy machine slows them alike; the figures are medians over RUNS rounds. With more than one build
(e.g. before=... after=...) the builds are compared in the same run on the same library.
"""
import statistics
import subprocess
import sys
import time

runs, db = int(sys.argv[1]), sys.argv[2]
builds = dict(arg.split("=", 1) for arg in sys.argv[3:])
TARGET = 2.0

# The sqlite3 shell doing the same reads and writes on the same file: what the engine itself costs.
LIST_SQL = (
    "SELECT b.id, b.title, a.name, b.year_published, b.pages, b.isbn13 FROM books b "
    "LEFT JOIN book_authors ba ON ba.book_id = b.id LEFT JOIN authors a ON a.id = ba.author_id "
    "WHERE b.id IN (SELECT id FROM books ORDER BY title_key, id LIMIT 20) ORDER BY b.title_key, b.id, ba.position;"
)
SHOW_SQL = (
    "SELECT * FROM books WHERE id = 12; "
    "SELECT a.name, ba.role FROM book_authors ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = 12 ORDER BY ba.position;"
)
SEARCH_SQL = (
    "SELECT b.id, b.title, a.name, b.year_published FROM books b "
    "LEFT JOIN book_authors ba ON ba.book_id = b.id LEFT JOIN authors a ON a.id = ba.author_id "
    "WHERE b.id IN (SELECT rowid FROM book_search WHERE book_search MATCH 'river*' LIMIT 50) ORDER BY b.title_key, b.id, ba.position;"
)
STATUS_SQL = (
    "SELECT sqlite_version(); SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId; "
    "SELECT count(*) FROM books; SELECT count(*) FROM authors; SELECT count(*) FROM book_authors;"
)


def add_sql(i):
    return (
        "BEGIN IMMEDIATE; INSERT OR IGNORE INTO authors(name, sort_name, name_key) VALUES ('Bench Sqlite', 'Sqlite, Bench', 'bench sqlite'); "
        f"INSERT INTO books(title, title_key, pages, added_at, updated_at, read_count) VALUES ('sqlite bench {i}', 'sqlite bench {i}', 100, datetime('now'), datetime('now'), 0); "
        "INSERT INTO book_authors(book_id, author_id, position, role) SELECT last_insert_rowid(), id, 0, 'author' FROM authors WHERE name_key = 'bench sqlite'; COMMIT;"
    )


def edit_sql(i):
    return f"UPDATE books SET pages = {200 + i}, updated_at = datetime('now') WHERE id = 13;"


# name, sqlite3 shell SQL (or None), shelf arguments; each a function of the round.
commands = [
    ("--version", None, lambda i: ["--version"]),
    ("list --limit 20", lambda i: LIST_SQL, lambda i: ["list", "--limit", "20"]),
    ("show 12", lambda i: SHOW_SQL, lambda i: ["show", "12"]),
    ("search river", lambda i: SEARCH_SQL, lambda i: ["search", "river"]),
    ("add", add_sql, lambda i: ["add", f"Shelf bench {time.time_ns()}", "--author", "Bench Shelf", "--pages", "100"]),
    ("edit 12 --pages N", edit_sql, lambda i: ["edit", "12", "--pages", str(100 + i)]),
    ("db status", lambda i: STATUS_SQL, lambda i: ["db", "status"]),
]


def timed_ms(line):
    start = time.perf_counter()
    subprocess.run(line, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


samples = {}
for i in range(runs):
    for name, sql, arguments in commands:
        if sql is not None:
            samples.setdefault((name, "sqlite3"), []).append(timed_ms(["sqlite3", db, sql(i)]))
        for build, shelf in builds.items():
            args = arguments(i)
            line = [shelf] + (args if name == "--version" else ["--db", db] + args)
            samples.setdefault((name, build), []).append(timed_ms(line))

median = {key: statistics.median(values) for key, values in samples.items()}
with open("/proc/loadavg", encoding="ascii") as f:
    load = " ".join(f.read().split()[:3])
print(f"one-shot commands on {db}, median of {runs} interleaved rounds; load average after: {load}")
header = f"{'command':<20}{'sqlite3':>10}"
for build in builds:
    header += f"{build:>12}{'/--version':>12}"
print(header + f"   target: {TARGET:.0f}x --version")
for name, sql, _ in commands:
    row = f"{name:<20}" + (f"{median[(name, 'sqlite3')]:>7.1f} ms" if sql else f"{'-':>10}")
    verdicts = []
    for build in builds:
        ours, floor = median[(name, build)], median[("--version", build)]
        row += f"{ours:>9.1f} ms{ours / floor:>11.2f}x"
        verdicts.append("ok" if ours <= TARGET * floor else "MISSED")
    print(row + ("" if name == "--version" else "   " + " ".join(verdicts)))
