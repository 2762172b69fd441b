#!/usr/bin/env bash
# Regenerates the compiled models (scripts/optimize-model.sh: the build with the old ones may fail after a model change),
# then adds a migration with the same name for every database provider, each into its own Migrations folder.
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
scripts/optimize-model.sh
project=src/ContentHub.Server
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" \
    --project "$project" --startup-project "$project" \
    --context "${provider}ContentHubDbContext" \
    --output-dir "Data/${provider}/Migrations"
done
