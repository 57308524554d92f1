#!/usr/bin/env python3
"""Times read commands on a small and a large library: reads.py SMALL_DB LARGE_DB [RUNS] [FILTER]

Each command runs RUNS times (median) on both libraries; the ratio large/small is what issue 9
bounds (<= 1.5). Book ids, ISBNs and names are ones both generated libraries hold
(bench/out/*.csv from gen_catalog.py)."""
import statistics, subprocess, sys, time

small, large = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
only = sys.argv[4] if len(sys.argv) > 4 else ""

commands = [
    ["show", "12"],
    ["show", "9781000000849"],
    ["list", "--limit", "20"],
    ["list", "--limit", "20", "--offset", "500"],
    ["list", "--limit", "20", "--sort", "author"],
    ["list", "--limit", "20", "--sort", "author", "--desc"],
    ["list", "--limit", "20", "--sort", "year"],
    ["list", "--limit", "20", "--sort", "pages"],
    ["list", "--limit", "20", "--sort", "added"],
    ["list", "--limit", "20", "--sort", "id", "--desc"],
    ["list", "--limit", "20", "--author", "quinn"],
    ["list", "--limit", "20", "--shelf", "favourites"],
    ["list", "--limit", "20", "--status", "read"],
    ["search", "river"],
    ["search", "river glass"],
    ["search", "kate quinn"],
    ["authors", "--limit", "20"],
    ["authors", "quinn", "--limit", "20"],
    ["authors", "--by-books", "--limit", "20"],
    ["author", "show", "1"],
    ["shelves"],
    ["sale", "list", "--limit", "20"],
    ["sale", "report"],
]


def median_ms(db, args):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["./shelf", "--db", db, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


print(f"{'command':50} {'small ms':>9} {'large ms':>9} {'ratio':>6}")
for args in commands:
    line = " ".join(args)
    if only and only not in line:
        continue
    s, l = median_ms(small, args), median_ms(large, args)
    print(f"{line:50} {s:9.0f} {l:9.0f} {l / s:6.2f}", flush=True)
