using ContentHub.Server.Content;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Seeding;

/// <summary>
/// Imports one content type's seed items through its editor, deciding per item who owns it. The seed owns an item
/// its last import left as it was: the item's latest revision is an import. Once a mutation or the scheduler has
/// changed it, or an editor created it, the editors own it and a re-run skips it, unless forced. A stored item's
/// status is never the seed's to change, and an item in the trash is left alone even when forced.
/// </summary>
public sealed class ContentImporter<TEntity, TInput>(IEditableContent<TEntity, TInput> content, ContentEditor<TEntity, TInput> editor)
    where TEntity : ContentItem
    where TInput : class, ISeed, new()
{
    /// <summary>The revision operation of an import; the seed still owns what it wrote.</summary>
    public const string ImportOperation = "import";

    /// <summary>The revision operation of <c>seed --force</c> overwriting an item the editors owned; the seed owns it again.</summary>
    public const string ForcedOperation = "forceImport";

    private readonly Func<TEntity, string> _keyOf = content.NaturalKey.Compile();

    /// <summary>
    /// Imports the seeds in order and stops at the first item refused (its errors go to the run). References are first
    /// rewritten with the keys the referenced items have now; the answer gives each seed key the key its item has now,
    /// as an editor may have changed a slug.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ImportAsync(
        ImportRun run,
        string kind,
        IReadOnlyList<Located<TInput>> seeds,
        Action<TInput, IReadOnlyDictionary<string, string>>? resolveReferences,
        CancellationToken cancellationToken)
    {
        var db = run.Db;
        var keys = seeds.Select(seed => seed.Item.NaturalKey!).ToList();
        // Stryker disable once Conditional : only types with public slugs retire any; the others would read nothing
        var moved = content.HasPublicSlug
            ? await db.RetiredSlugs.AsNoTracking()
                .Where(s => s.ContentType == content.TypeName && keys.Contains(s.Slug))
                .ToDictionaryAsync(s => s.Slug, s => s.ContentId, cancellationToken)
            : [];
        var movedIds = moved.Values.ToList();
        var items = content.WithReferences(db).AsNoTracking();
        var byKey = await items.Where(NaturalKey.In(content.NaturalKey, keys)).ToDictionaryAsync(_keyOf, cancellationToken);
        var byId = (await items.Where(e => movedIds.Contains(e.Id)).ToListAsync(cancellationToken))
            .Concat(byKey.Values).DistinctBy(e => e.Id).ToDictionary(e => e.Id);
        var importedVersions = await ImportedVersionsAsync(run, [.. byId.Keys], cancellationToken);

        var currentKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var seed in seeds)
        {
            var key = seed.Item.NaturalKey!;
            var stored = byKey.GetValueOrDefault(key) ?? (moved.TryGetValue(key, out var id) ? byId.GetValueOrDefault(id) : null);
            if (stored is not null)
            {
                currentKeys[key] = _keyOf(stored);
            }

            var owner = EditorsClaim(key, stored, moved.ContainsKey(key), importedVersions);
            if (owner is not null && (!run.Force || stored?.Status == PublicationStatus.Trashed))
            {
                run.Done(new SeedReportItem(kind, key, SeedOutcome.Skipped, owner, $"{seed.File}:{seed.Line}"));
                continue;
            }

            resolveReferences?.Invoke(seed.Item, currentKeys);
            var step = await editor.ImportAsync(
                db, SeedImporter.Actor, owner is null ? ImportOperation : ForcedOperation, stored, seed.Item, run.Now, cancellationToken);
            if (step.Errors.Count > 0)
            {
                run.Errors.AddRange(step.Errors.Select(error => seed.Error(error.Message)));
                break;
            }

            currentKeys[key] = _keyOf(step.Item!);
            run.ChangedKeys.UnionWith(step.Keys ?? []);
            run.Done(new SeedReportItem(kind, key, stored is null ? SeedOutcome.Created : step.Changed ? SeedOutcome.Updated : SeedOutcome.Unchanged));
        }

        return currentKeys;
    }

    /// <summary>Why the editors own the item a seed key stands for, or null when the seed may write it.</summary>
    private string? EditorsClaim(string key, TEntity? stored, bool slugRetired, Dictionary<int, int> importedVersions)
    {
        if (stored is null)
        {
            return slugRetired ? "purged by an editor" : null;
        }

        if (stored.Status == PublicationStatus.Trashed)
        {
            return "in the trash";
        }

        if (!importedVersions.TryGetValue(stored.Id, out var imported))
        {
            return "created by an editor";
        }

        return _keyOf(stored) != key ? $"edited since import, now '{_keyOf(stored)}'"
            : imported != stored.Version ? "edited since import"
            : null;
    }

    /// <summary>For each item, the version its latest import left it at: every change of version stores a revision.</summary>
    private Task<Dictionary<int, int>> ImportedVersionsAsync(ImportRun run, List<int> ids, CancellationToken cancellationToken) =>
        run.Db.Revisions.AsNoTracking()
            .Where(r => r.ContentType == content.TypeName && ids.Contains(r.ContentId)
                && (r.Operation == ImportOperation || r.Operation == ForcedOperation))
            .GroupBy(r => r.ContentId)
            .Select(g => new { Id = g.Key, Version = g.Max(r => r.Version) })
            .ToDictionaryAsync(r => r.Id, r => r.Version, cancellationToken);
}
