"""One-shot command latency of several shelf builds, interleaved in one run (before/after a change).

    python3 bench/compare_startup.py RUNS CATALOG.csv NAME=PATH/TO/shelf [NAME=PATH ...]

Each build imports CATALOG into a new SQLite library of its own, then each run times
--version, list, add, show and edit once per build in turn, so a busy machine slows them alike.
Prints the median per command and build, and the last build's ratio to the first.
Make a catalog with: python3 bench/make_simple_catalog.py tests/data/goodbooks-10k__books.csv out.csv 10000
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

runs, catalog = int(sys.argv[1]), sys.argv[2]
builds = dict(arg.split("=", 1) for arg in sys.argv[3:])
folder = tempfile.mkdtemp(prefix="shelf-startup-")
libraries = {}
for name, shelf in builds.items():
    libraries[name] = os.path.join(folder, f"{name}.db")
    subprocess.run([shelf, "--db", libraries[name], "import", catalog], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

commands = {
    "--version": lambda i: ["--version"],
    "list": lambda i: ["list", "--limit", "20"],
    "add": lambda i: ["add", f"Bench {time.time_ns()}", "--author", "Bench Author", "--pages", "100"],
    "show": lambda i: ["show", "12"],
    "edit": lambda i: ["edit", "12", "--pages", str(100 + i)],
}
samples = {(name, command): [] for name in builds for command in commands}
for i in range(runs):
    for name, shelf in builds.items():
        for command, arguments in commands.items():
            args = arguments(i)
            line = [shelf] + (args if command == "--version" else ["--db", libraries[name]] + args)
            start = time.perf_counter()
            subprocess.run(line, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            samples[(name, command)].append((time.perf_counter() - start) * 1000)

print(f"one-shot commands on a library of {catalog}, median of {runs} interleaved runs")
print(f"{'command':<10}" + "".join(f"{name:>14}" for name in builds) + "   last/first")
for command in commands:
    medians = [statistics.median(samples[(name, command)]) for name in builds]
    print(f"{command:<10}" + "".join(f"{m:11.1f} ms" for m in medians) + f"   {medians[-1] / medians[0]:9.2f}")
shutil.rmtree(folder)
