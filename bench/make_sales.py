"""Writes N deterministic sales rows in the form `shelf sale import` reads.

Columns: order_number,book_id,quantity,unit_price,discount,currency,sold_at. Books are ids
1..BOOKS (the catalog imported first); every value comes from the row number, so two runs
write the same file byte for byte.
"""
import sys

target, count, books = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
discounts = ["", "", "", "10%", "0.15", "5%", "33.33%", ""]
with open(target, "w", encoding="utf-8", newline="") as out:
    out.write("order_number,book_id,quantity,unit_price,discount,currency,sold_at\n")
    for i in range(count):
        book = (i * 7919) % books + 1
        quantity = i % 5 + 1
        cents = 199 + (i * 37) % 4800
        month = i % 12 + 1
        day = i % 28 + 1
        seconds = (i * 13) % 86400
        out.write(
            f"B{i + 1:07d},{book},{quantity},{cents // 100}.{cents % 100:02d},{discounts[i % len(discounts)]},"
            f"{'EUR' if i % 10 == 0 else 'USD'},2025-{month:02d}-{day:02d}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}Z\n"
        )
