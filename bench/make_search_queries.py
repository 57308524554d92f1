#!/usr/bin/env python3
"""Writes bench/search.sh's queries, drawn from a Shelf SQLite library: make_search_queries.py LIBRARY.db OUT.txt [N]

Titles (a few words, and whole titles), author names, ISBNs in every form, and field queries
(author:, title:, year: ranges, negation, OR), in a fixed random order (seeded)."""
import random, sqlite3, sys

db, out = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
rnd = random.Random(20261201)
con = sqlite3.connect(db)
top = con.execute("SELECT max(id) FROM books").fetchone()[0]


def book():
    while True:
        row = con.execute(
            "SELECT b.title, b.isbn13, coalesce(b.original_publication_year, b.year_published), a.name FROM books b "
            "JOIN book_authors ba ON ba.book_id = b.id AND ba.position = 0 JOIN authors a ON a.id = ba.author_id WHERE b.id = ?",
            (rnd.randint(1, top),)).fetchone()
        if row:
            return row


def isbn10(isbn13):
    body = isbn13[3:12]
    check = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
    return body + ("X" if check == 10 else str(check))


queries = []
kinds = ["words"] * 25 + ["title"] * 15 + ["author"] * 15 + ["isbn"] * 15 + ["field"] * 30
while len(queries) < n:
    title, isbn, year, author = book()
    words = [w for w in title.split() if not w.isdigit()]
    kind = rnd.choice(kinds)
    if kind == "words":
        queries.append(" ".join(rnd.sample(words, min(len(words), rnd.randint(1, 3)))).lower())
    elif kind == "title":
        queries.append(title)
    elif kind == "author":
        queries.append(rnd.choice([author, author.split()[-1], " ".join(author.split()[1:])]))
    elif kind == "isbn" and isbn:
        i10 = isbn10(isbn) if isbn.startswith("978") else isbn
        queries.append(rnd.choice([isbn, f"isbn:{isbn}", i10, f"{isbn[:3]}-{isbn[3]}-{isbn[4:7]}-{isbn[7:12]}-{isbn[12]}"]))
    elif kind == "field":
        w, other = rnd.choice(words).lower(), rnd.choice(words).lower()
        queries.append(rnd.choice([
            f'author:"{author}"',
            f"title:{w} author:{author.split()[-1]}",
            f"{w} year:{year - 5}..{year + 5}" if year else f"title:{w}",
            f"{w} -{other}" if w != other else w,
            f"{w} OR {other}",
            f'"{" ".join(title.split()[:2])}"',
            f"author:{author.split()[0]} year:>={year}" if year else f"author:{author.split()[0]}",
        ]))

with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(queries) + "\n")
