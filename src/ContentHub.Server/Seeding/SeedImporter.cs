using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Editing;
using ContentHub.Server.Facts;
using ContentHub.Server.Promotions;
using ContentHub.Server.Site;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Seeding;

/// <summary>Progress of an import: items prepared so far out of all items, then whether the write has finished.</summary>
public readonly record struct SeedProgress(SeedStage Stage, int Done, int Total);

public enum SeedStage
{
    Preparing,
    Writing,
    Written,
}

/// <summary>
/// Upserts a validated seed set by slug or key in one transaction: a second import of the same files changes
/// nothing, an edited file updates its item, and a failure leaves the database as it was. It is refused, with
/// nothing written, when it would leave a published article in the database without a required disclaimer.
/// </summary>
public sealed class SeedImporter(IDbContextFactory<ContentHubDbContext> contexts, ContentChangeSignal changes, TimeProvider clock)
{
    public async Task<(SeedReport Report, IReadOnlyList<SeedError> Errors)> ImportAsync(
        SeedSet seeds, bool dryRun, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new ImportRun(db, seeds.Count, progress);
        var rulesBefore = await DisclaimerRules.ReadAsync(db, cancellationToken);

        if (seeds.Site is { } site)
        {
            var existing = await db.Site.ToDictionaryAsync(_ => SeedKinds.Site, cancellationToken);
            run.Upsert(db.Site, existing, SeedKinds.Site, site.Item, SiteMapper.ToEntity, SiteMapper.Apply);
        }

        var disclaimers = await db.Disclaimers.ToDictionaryAsync(d => d.Key, cancellationToken);
        foreach (var seed in seeds.Disclaimers)
        {
            run.Upsert(db.Disclaimers, disclaimers, SeedKinds.Disclaimer, seed.Item, DisclaimerMapper.ToEntity, DisclaimerMapper.Apply);
        }

        var categories = await db.Categories.Include(c => c.Disclaimers).ToDictionaryAsync(c => c.Slug, cancellationToken);
        foreach (var seed in seeds.Categories)
        {
            var category = run.Upsert(db.Categories, categories, SeedKinds.Category, seed.Item, CategoryMapper.ToEntity, CategoryMapper.Apply);
            category.Parent = seed.Item.Parent is { } parent ? categories[parent] : null;
            run.SetDisclaimers(category, category.Disclaimers, seed.Item.Disclaimers, disclaimers);
        }

        var facts = await db.Facts.ToDictionaryAsync(f => f.Key, cancellationToken);
        foreach (var seed in seeds.Facts)
        {
            run.Upsert(db.Facts, facts, SeedKinds.Fact, seed.Item, FactMapper.ToEntity, FactMapper.Apply);
        }

        var promotions = await db.Promotions.ToDictionaryAsync(p => p.Key, cancellationToken);
        foreach (var seed in seeds.Promotions)
        {
            run.Upsert(db.Promotions, promotions, SeedKinds.Promotion, seed.Item, PromotionMapper.ToEntity, PromotionMapper.Apply);
        }

        var articles = await db.Articles.Include(a => a.Disclaimers).ToDictionaryAsync(a => a.Slug, cancellationToken);
        foreach (var seed in seeds.Articles)
        {
            var article = run.Upsert(db.Articles, articles, SeedKinds.Article, seed.Item, ArticleMapper.ToEntity, ArticleMapper.Apply);
            article.Category = seed.Item.Category is { } slug ? categories[slug] : null;
            article.PublishedAt = seed.Item.PublishedAt ?? article.PublishedAt
                ?? (article.Status == PublicationStatus.Published ? now : null);
            run.SetDisclaimers(article, article.Disclaimers, seed.Item.Disclaimers, disclaimers);
        }

        var report = run.Finish(now);
        if (!dryRun)
        {
            progress?.Report(new SeedProgress(SeedStage.Writing, 0, seeds.Count));
        }

        // A dry run writes too, to check the outcome as the database would hold it, and rolls back.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var rewritten = report.Items.Where(item => item is { Kind: SeedKinds.Article, Outcome: SeedOutcome.Created or SeedOutcome.Updated }).Select(item => item.Key).ToList();
        var losses = await RequiredDisclaimers.LostAsync(db, rulesBefore, await DisclaimerRules.ReadAsync(db, cancellationToken), rewritten, cancellationToken);
        if (losses.Count > 0 || dryRun)
        {
            return (report, losses.Select(loss => Locate(seeds, loss)).ToList());
        }

        run.AddRevisions(now); // with the ids the first save gave new items
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changes.Changed();
        progress?.Report(new SeedProgress(SeedStage.Written, seeds.Count, seeds.Count));
        return (report, []);
    }

    /// <summary>The loss, reported at the seed item most likely behind it: the requiring category, the disclaimer, or an article.</summary>
    private static SeedError Locate(SeedSet seeds, DisclaimerLoss loss) =>
        seeds.Categories.FirstOrDefault(c => loss.RequiredBy.Contains(c.Item.Slug!))?.Error(loss.Message)
        ?? seeds.Disclaimers.FirstOrDefault(d => d.Item.Key == loss.Key)?.Error(loss.Message)
        ?? seeds.Articles.FirstOrDefault(a => loss.Articles.Contains(a.Item.Slug!))?.Error(loss.Message)
        ?? new SeedError("categories.yaml", 1, loss.Message);

    /// <summary>The bookkeeping of one import: which entity came from which seed, and which changed besides their columns.</summary>
    private sealed class ImportRun(ContentHubDbContext db, int total, IProgress<SeedProgress>? progress)
    {
        private readonly List<(string Kind, string Key, ITimestamped Entity, ISeed Seed)> _touched = [];
        private readonly List<(ContentItem Item, ISeed Seed)> _changedContent = [];
        private readonly HashSet<object> _relationsChanged = new(ReferenceEqualityComparer.Instance);

        public TEntity Upsert<TEntity, TSeed>(
            DbSet<TEntity> set,
            Dictionary<string, TEntity> existing,
            string kind,
            TSeed seed,
            Func<TSeed, TEntity> create,
            Action<TSeed, TEntity> apply)
            where TEntity : class, ITimestamped
            where TSeed : ISeed
        {
            var key = seed.NaturalKey!;
            if (existing.TryGetValue(key, out var entity))
            {
                apply(seed, entity);
            }
            else
            {
                entity = create(seed);
                set.Add(entity);
                existing[key] = entity;
            }

            _touched.Add((kind, key, entity, seed));
            progress?.Report(new SeedProgress(SeedStage.Preparing, _touched.Count, total));
            return entity;
        }

        public void SetDisclaimers(object owner, List<Disclaimer> attached, List<string> keys, Dictionary<string, Disclaimer> disclaimers)
        {
            if (attached.Select(d => d.Key).Order(StringComparer.Ordinal).SequenceEqual(keys.Order(StringComparer.Ordinal)))
            {
                return;
            }

            attached.Clear();
            attached.AddRange(keys.Select(key => disclaimers[key]));
            _relationsChanged.Add(owner);
        }

        /// <summary>Decides each item's outcome and stamps the timestamps of what is new or changed.</summary>
        public SeedReport Finish(DateTime now)
        {
            db.ChangeTracker.DetectChanges();
            var report = new SeedReport();
            foreach (var (kind, key, entity, seed) in _touched)
            {
                var outcome = db.Entry(entity).State switch
                {
                    EntityState.Added => SeedOutcome.Created,
                    EntityState.Modified => SeedOutcome.Updated,
                    _ when _relationsChanged.Contains(entity) => SeedOutcome.Updated,
                    _ => SeedOutcome.Unchanged,
                };
                if (outcome == SeedOutcome.Created)
                {
                    entity.CreatedAt = now;
                }

                if (outcome != SeedOutcome.Unchanged)
                {
                    entity.UpdatedAt = now;
                    if (entity is ContentItem item)
                    {
                        item.PublishedAt ??= item.Status == PublicationStatus.Published ? now : null;
                        item.Version += outcome == SeedOutcome.Updated ? 1 : 0;
                        _changedContent.Add((item, seed));
                    }
                }

                report.Add(kind, key, outcome);
            }

            return report;
        }

        /// <summary>A revision for every item the import created or changed, as an editor's change would store.</summary>
        public void AddRevisions(DateTime now)
        {
            foreach (var (item, seed) in _changedContent)
            {
                db.Revisions.Add(new Revision
                {
                    ContentType = item.GetType().Name,
                    ContentId = item.Id,
                    Version = item.Version,
                    Actor = "seed",
                    At = now,
                    Operation = "import",
                    Snapshot = InputJson.Snapshot((object)seed, item).ToJsonString(),
                });
            }
        }
    }
}
