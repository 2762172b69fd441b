#!/usr/bin/env bash
# Regenerates the SQLite and PostgreSQL compiled models (Data/<Provider>/CompiledModel), which EF Core loads at start-up
# instead of building the model from the configuration classes. Run it after any change to the model (add-migration.sh
# runs it) and after updating EF Core: until then the server runs on the old model, and CompiledModelTests fail.
# SQL Server has none (docs/databases.md).
# Usage: scripts/optimize-model.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/ContentHub.Server
providers=(Sqlite PostgreSql)
# Built without the old models: code generated for a type since renamed or removed would not build.
dotnet build "$project" -p:WithoutCompiledModels=true -v quiet -nologo
generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
for provider in "${providers[@]}"; do
  dotnet ef dbcontext optimize --no-build \
    --project "$project" --startup-project "$project" \
    --context "${provider}ContentHubDbContext" \
    --output-dir "$generated/${provider}" \
    --namespace "ContentHub.Server.Data.${provider}.CompiledModel"
done
# Only once every model is generated do the old ones go (with the files of entities since removed).
for provider in "${providers[@]}"; do
  rm -rf "$project/Data/${provider}/CompiledModel"
  mv "$generated/${provider}" "$project/Data/${provider}/CompiledModel"
done
