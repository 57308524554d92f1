"""Writes N rows shaped like goodbooks-10k's books.csv (same 23 columns, same kind of values).

Rows cycle through the real goodbooks-10k file; every row gets its own book_id, goodreads_book_id
and a valid ISBN-10/ISBN-13 pair (derived from the row number, so the output is the same on
every run), and titles after the first cycle get a volume number. Usage:
    python3 make_goodbooks_catalog.py SOURCE_BOOKS_CSV TARGET N
"""
import csv
import sys


def isbn13_check(body):
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return str((10 - total % 10) % 10)


def isbn10_check(body):
    total = sum((10 - i) * int(c) for i, c in enumerate(body))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
header = list(rows[0].keys())

with open(target, "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for i in range(count):
        row = dict(rows[i % len(rows)])
        cycle, n = i // len(rows), i + 1
        # 7919 is prime and coprime with 10^9: every n below 10^9 gets its own 9 digits.
        body = f"{(100000000 + n * 7919) % 1000000000:09d}"
        row["book_id"] = str(n)
        row["goodreads_book_id"] = row["best_book_id"] = str(50000000 + n)
        row["isbn"] = body + isbn10_check(body)
        row["isbn13"] = "978" + body + isbn13_check("978" + body)
        if cycle:
            row["title"] = f"{row['title']} (vol. {cycle + 1})"
        writer.writerow([row[h] for h in header])
