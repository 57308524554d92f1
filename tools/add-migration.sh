#!/usr/bin/env bash
# Scaffolds one EF Core migration for every provider and refreshes the compiled models:
#   tools/add-migration.sh <Name>
# The compiled models (Data/CompiledModels) save a one-shot command ~100 ms of model building;
# the guard tests fail when they or the migrations lag behind the model.
set -euo pipefail
name="${1:?usage: tools/add-migration.sh <MigrationName>}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres MySql; do
  dotnet ef migrations add "$name" \
    --project src/Shelf.Core \
    --startup-project tools/Shelf.DesignTime \
    --context "${provider}ShelfDb" \
    --output-dir "Data/Migrations/${provider}"
done
tools/update-compiled-models.sh
