"""Writes N books of goodbooks-10k in Shelf's simple import form (title,number_of_pages,first_name,last_name).

goodbooks-10k has no page counts, so pages are derived deterministically from the book id;
titles repeat in the source, so each title gets its book id to keep all N rows distinct.
"""
import csv
import sys

source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, encoding="utf-8", newline="") as f_in, open(target, "w", encoding="utf-8", newline="") as f_out:
    writer = csv.writer(f_out, lineterminator="\n")
    writer.writerow(["title", "number_of_pages", "first_name", "last_name"])
    rows = csv.DictReader(f_in)
    written = 0
    while written < count:
        for row in rows:
            if written == count:
                break
            first_author = " ".join(row["authors"].split(",")[0].split())
            first, _, last = first_author.rpartition(" ")
            pages = 80 + (int(row["book_id"]) * 37 + written) % 900
            writer.writerow([f"{row['title']} [{written + 1}]", pages, first, last or first])
            written += 1
        f_in.seek(0)
        rows = csv.DictReader(f_in)
        next(rows)
