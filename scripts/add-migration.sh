#!/usr/bin/env bash
# Adds a migration with the same name for every database provider, each into its own Migrations folder.
# Then regenerates the compiled models (scripts/optimize-model.sh).
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/ContentHub.Server
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" \
    --project "$project" --startup-project "$project" \
    --context "${provider}ContentHubDbContext" \
    --output-dir "Data/${provider}/Migrations"
done
scripts/optimize-model.sh
