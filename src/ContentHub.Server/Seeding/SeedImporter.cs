using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Editing;
using ContentHub.Server.Facts;
using ContentHub.Server.People;
using ContentHub.Server.Promotions;
using ContentHub.Server.Site;
using ContentHub.Server.Webhooks;
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
/// Imports a validated seed set by slug or key in one transaction, every item through its content type's editor:
/// a second import of the same files changes nothing, an edited file updates its item unless editors changed the
/// item since (see <see cref="ContentImporter{TEntity,TInput}"/>), and a failure leaves the database as it was.
/// A dry run makes the same writes and rolls them back, so it reports exactly what an import would do. Items are
/// judged one by one as mutations judge them, except what depends on them: the import is refused, with nothing
/// written, when its end state would leave a published article in the database without a required disclaimer.
/// </summary>
public sealed class SeedImporter(
    IDbContextFactory<ContentHubDbContext> contexts,
    ContentImporter<Disclaimer, DisclaimerSeed> disclaimers,
    ContentImporter<Category, CategorySeed> categories,
    ContentImporter<Fact, FactSeed> facts,
    ContentImporter<Promotion, PromotionSeed> promotions,
    ContentImporter<Person, PersonSeed> people,
    ContentImporter<Article, ArticleSeed> articles,
    IContentChanges changes,
    IDatabaseErrorClassifier databaseErrors,
    TimeProvider clock)
{
    /// <summary>The actor of the revisions and audit entries an import writes.</summary>
    public const string Actor = "seed";

    /// <summary>Said when an editor wrote what the import was writing, between its read and its write.</summary>
    public const string ChangedMeanwhile =
        "Content changed while seeding: an editor or the scheduler wrote to the same items at the same time. Nothing was written; run seed again.";

    /// <returns>
    /// The report, or null when an item was refused or a concurrent write collided with the import (then
    /// <paramref name="errors"/> says why and nothing is written).
    /// </returns>
    public async Task<SeedReport?> ImportAsync(
        SeedSet seeds, bool dryRun, bool force, List<SeedError> errors, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await ImportInTransactionAsync(seeds, dryRun, force, errors, progress, cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException
            || databaseErrors.ClassifyAny(exception) is DatabaseFailure.Conflict or DatabaseFailure.Duplicate)
        {
            // Where the database lets both read first (PostgreSQL, SQL Server), an editor may change, take or remove
            // between the import's read and its write what it writes: the transaction has rolled back.
            errors.Add(SeedError.InDatabase(ChangedMeanwhile));
            return null;
        }
    }

    private async Task<SeedReport?> ImportInTransactionAsync(
        SeedSet seeds, bool dryRun, bool force, List<SeedError> errors, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Dates the import sets (a first publication) are then the same on every provider, and an export of them round-trips.
        var run = new ImportRun(db, UtcDateTimeYamlConverter.ToMicroseconds(clock.GetUtcNow().UtcDateTime), force, seeds.Count, progress);
        var rulesBefore = await DisclaimerRules.ReadAsync(db, cancellationToken);
        if (seeds.Site is { } site)
        {
            await ImportSiteAsync(run, site, cancellationToken);
        }

        await disclaimers.ImportAsync(run, SeedKinds.Disclaimer, seeds.Disclaimers, resolveReferences: null, cancellationToken);
        var categoryKeys = run.Errors.Count > 0 ? null : await categories.ImportAsync(run, SeedKinds.Category, seeds.Categories,
            (category, own) => category.Parent = CurrentKey(own, category.Parent), cancellationToken);
        if (run.Errors.Count == 0)
        {
            await facts.ImportAsync(run, SeedKinds.Fact, seeds.Facts, resolveReferences: null, cancellationToken);
        }

        if (run.Errors.Count == 0)
        {
            await promotions.ImportAsync(run, SeedKinds.Promotion, seeds.Promotions, resolveReferences: null, cancellationToken);
        }

        var personKeys = run.Errors.Count > 0 ? null : await people.ImportAsync(run, SeedKinds.Person, seeds.People, resolveReferences: null, cancellationToken);
        if (run.Errors.Count == 0)
        {
            await articles.ImportAsync(run, SeedKinds.Article, seeds.Articles, (article, _) =>
            {
                article.Category = CurrentKey(categoryKeys!, article.Category);
                article.Authors = article.Authors.Select(author => CurrentKey(personKeys!, author)!).ToList();
            }, cancellationToken);
        }

        if (run.Errors.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            var rewritten = run.Report.Items
                .Where(item => item is { Kind: SeedKinds.Article, Outcome: SeedOutcome.Created or SeedOutcome.Updated })
                .Select(item => item.Key).ToList();
            var losses = await RequiredDisclaimers.LostAsync(db, rulesBefore, await DisclaimerRules.ReadAsync(db, cancellationToken), rewritten, cancellationToken);
            run.Errors.AddRange(losses.Select(loss => Locate(seeds, loss)));
        }

        if (run.Errors.Count > 0)
        {
            errors.AddRange(run.Errors);
            return null; // the transaction rolls back
        }

        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken);
            return run.Report;
        }

        progress?.Report(new SeedProgress(SeedStage.Writing, 0, seeds.Count));
        if (run.ChangedKeys.Count > 0)
        {
            ContentOutbox.AddSeedImport(db, run.Report, run.ChangedKeys, run.Now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await changes.ChangedAsync(run.ChangedKeys, cancellationToken);
        progress?.Report(new SeedProgress(SeedStage.Written, seeds.Count, seeds.Count));
        return run.Report;
    }

    /// <summary>The loss, reported at the seed item most likely behind it: the requiring category, the disclaimer, or an article.</summary>
    private static SeedError Locate(SeedSet seeds, DisclaimerLoss loss) =>
        seeds.Categories.FirstOrDefault(c => loss.RequiredBy.Contains(c.Item.Slug!))?.Error(loss.Message)
        ?? seeds.Disclaimers.FirstOrDefault(d => d.Item.Key == loss.Key)?.Error(loss.Message)
        ?? seeds.Articles.FirstOrDefault(a => loss.Articles.Contains(a.Item.Slug!))?.Error(loss.Message)
        ?? new SeedError("categories.yaml", 1, loss.Message);

    private static string? CurrentKey(IReadOnlyDictionary<string, string> keys, string? seedKey) =>
        seedKey is null ? null : keys.GetValueOrDefault(seedKey, seedKey);

    /// <summary>Site settings have no mutations: the seed is their only writer and always brings them up to date.</summary>
    private static async Task ImportSiteAsync(ImportRun run, Located<SiteSeed> seed, CancellationToken cancellationToken)
    {
        var site = await run.Db.Site.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (site is null)
        {
            site = SiteMapper.ToEntity(seed.Item);
            site.CreatedAt = run.Now;
            run.Db.Site.Add(site);
        }
        else
        {
            SiteMapper.Apply(seed.Item, site);
            run.Db.ChangeTracker.DetectChanges();
        }

        var outcome = run.Db.Entry(site).State switch
        {
            EntityState.Added => SeedOutcome.Created,
            EntityState.Modified => SeedOutcome.Updated,
            _ => SeedOutcome.Unchanged,
        };
        if (outcome != SeedOutcome.Unchanged)
        {
            site.UpdatedAt = run.Now;
            run.ChangedKeys.Add(ContentKeys.Site);
            run.Db.AuditLog.Add(AuditLog.Entry(Actor, "importSite", "Site", site.Id, AuditLog.Succeeded, run.Now));
        }

        run.Done(new SeedReportItem(SeedKinds.Site, SeedKinds.Site, outcome));
    }
}
