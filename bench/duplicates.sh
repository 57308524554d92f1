#!/usr/bin/env bash
# Times `shelf duplicates` on a generated SQLite library of N books (default 200000):
#   bench/duplicates.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 bench/make_duplicates_catalog.py "$dir/books.csv" "$n"
dotnet build src/Shelf.Cli -c Release -v q -nologo >/dev/null
shelf=(dotnet src/Shelf.Cli/bin/Release/net10.0/shelf.dll --db "$dir/library.db")
"${shelf[@]}" import "$dir/books.csv" --quiet >/dev/null
echo "books: $("${shelf[@]}" db status --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("books") or d)')"
start=$(date +%s.%N)
"${shelf[@]}" duplicates --json > "$dir/groups.json"
end=$(date +%s.%N)
python3 - "$dir/groups.json" "$start" "$end" <<'PY'
import json, sys
found = json.load(open(sys.argv[1]))
print(f"groups: {found['groupCount']}, shown: {len(found['groups'])}, seconds: {float(sys.argv[3]) - float(sys.argv[2]):.2f}")
PY
