#!/usr/bin/env bash
# Regenerates the EF Core compiled models of both providers after a model change.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# The old compiled model may no longer build against the changed entities: generate from a clean slate.
rm -rf src/Shelf.Core/Data/CompiledModels
for provider in Sqlite Postgres; do
  dotnet ef dbcontext optimize \
    --project src/Shelf.Core \
    --startup-project tools/Shelf.DesignTime \
    --context "${provider}ShelfDb" \
    --output-dir "Data/CompiledModels/${provider}" \
    --namespace "Shelf.Core.Data.CompiledModels.${provider}"
done
# Shelf passes the compiled model explicitly (ShelfDatabase.CreateContext); without the assembly
# attribute, design-time tools and the guard tests still build the model from the configurations.
rm -f src/Shelf.Core/Data/CompiledModels/*/*AssemblyAttributes.cs
