#!/usr/bin/env bash
# Regenerates the EF Core compiled models of the three providers (SQLite, PostgreSQL, MySQL) after a model change.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# `dbcontext optimize` builds the project first, and ShelfDatabase references the compiled models,
# so the old files must stay until the new ones are written; files the new model no longer has
# (not rewritten by this run) are removed afterwards.
stamp="$(mktemp)"
trap 'rm -f "$stamp"' EXIT
sleep 1
for provider in Sqlite Postgres MySql; do
  dotnet ef dbcontext optimize \
    --project src/Shelf.Core \
    --startup-project tools/Shelf.DesignTime \
    --context "${provider}ShelfDb" \
    --output-dir "Data/CompiledModels/${provider}" \
    --namespace "Shelf.Core.Data.CompiledModels.${provider}"
done
find src/Shelf.Core/Data/CompiledModels -name '*.cs' ! -newer "$stamp" -delete
# Shelf passes the compiled model explicitly (ShelfDatabase.CreateContext); without the assembly
# attribute, design-time tools and the guard tests still build the model from the configurations.
rm -f src/Shelf.Core/Data/CompiledModels/*/*AssemblyAttributes.cs
