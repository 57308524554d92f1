"""Writes N books in Shelf's simple import form (title,number_of_pages,first_name,last_name) for
timing `shelf duplicates`: N/10 authors with ten titles each, one author in a hundred with a
thousand titles (the worst case for comparing inside an author), and one book in fifty written
again with a series suffix, a subtitle or a typo, so there are near duplicates to find."""
import csv
import random
import sys

target, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(12)
words = ["river", "stone", "night", "garden", "iron", "winter", "glass", "crown", "shadow", "harbour",
         "silver", "empire", "letters", "forest", "island", "mirror", "storm", "orchard", "lantern", "tower"]


def title():
    return " ".join(rng.choice(words) for _ in range(rng.randint(2, 5))).capitalize()


with open(target, "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "number_of_pages", "first_name", "last_name"])
    written, author = 0, 0
    while written < count:
        author += 1
        books = 1000 if author % 100 == 0 else 10
        for _ in range(books):
            if written >= count:
                break
            t = f"{title()} {written}"
            writer.writerow([t, 100 + written % 700, f"First{author}", f"Last{author}"])
            written += 1
            if written % 50 == 0 and written < count:
                variant = rng.choice([f"{t} (The {title()} Series, #2)", f"{t}: A Novel", t[:-1] + t[-1] + "x"])
                writer.writerow([variant, 100 + written % 700, f"First{author}", f"Last{author}"])
                written += 1
