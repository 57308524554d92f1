#!/usr/bin/env bash
# Scaffolds one EF Core migration for every provider: tools/add-migration.sh <Name>
set -euo pipefail
name="${1:?usage: tools/add-migration.sh <MigrationName>}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Shelf.Core \
    --startup-project tools/Shelf.DesignTime \
    --context "${provider}ShelfDb" \
    --output-dir "Data/Migrations/${provider}"
done
