#!/usr/bin/env bash
# Regenerates the SQLite and PostgreSQL compiled models (Data/<Provider>/CompiledModel), which EF Core loads at start-up
# instead of building the model from the configuration classes. Run it after any change to the model; add-migration.sh
# runs it. CompiledModelTests fail while a compiled model lags the model. SQL Server has none (docs/databases.md).
# Usage: scripts/optimize-model.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/ContentHub.Server
providers=(Sqlite PostgreSql)
# Built without the old models (code generated for a property since renamed would not build), which go, with the files
# of entities since removed.
dotnet build "$project" -p:WithoutCompiledModels=true >/dev/null
for provider in "${providers[@]}"; do rm -rf "$project/Data/${provider}/CompiledModel"; done
for provider in "${providers[@]}"; do
  dotnet ef dbcontext optimize --no-build \
    --project "$project" --startup-project "$project" \
    --context "${provider}ContentHubDbContext" \
    --output-dir "Data/${provider}/CompiledModel" \
    --namespace "ContentHub.Server.Data.${provider}.CompiledModel"
done
