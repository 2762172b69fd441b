using System.Data;
using System.Diagnostics;
using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Editing;
using ContentHub.Server.Facts;
using ContentHub.Server.Media;
using ContentHub.Server.People;
using ContentHub.Server.Promotions;
using ContentHub.Server.Site;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContentHub.Server.Seeding.Export;

/// <summary>
/// Writes all content as a seed folder that <c>seed --path</c> imports into an empty database of any provider, every item
/// in its editable form (<see cref="IEditableContent{TEntity, TInput}.ToInput"/>, the form seed files are read into) with
/// its status. Everything is read in one transaction, checked with the seed's own validator (what it writes, the seed
/// reads), then written to a staging folder moved into place. Items in the trash are left out.
/// </summary>
public sealed class SeedExporter(
    IDbContextFactory<ContentHubDbContext> contexts,
    IEditableContent<Disclaimer, DisclaimerSeed> disclaimers,
    IEditableContent<Category, CategorySeed> categories,
    IEditableContent<Fact, FactSeed> facts,
    IEditableContent<Promotion, PromotionSeed> promotions,
    IEditableContent<Person, PersonSeed> people,
    IEditableContent<Article, ArticleSeed> articles,
    IAssetStorage storage)
{
    private const string ArticlesFolder = "articles";

    /// <returns>The summary, or the problems that would make the folder unimportable (then nothing is written).</returns>
    public async Task<(ExportSummary? Summary, IReadOnlyList<SeedError> Errors)> ExportAsync(
        string target, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var seeds = new SeedSet();
        ExportedMedia media;
        int trashed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        await using (await BeginSnapshotAsync(db, cancellationToken))
        {
            if (await db.Site.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken) is { } site)
            {
                seeds.Site = new Located<SiteSeed>(SiteMapper.ToSeed(site), "site.yaml", 0);
            }

            trashed = await ReadAsync(db, disclaimers, seeds.Disclaimers, "disclaimers.yaml", cancellationToken)
                + await ReadAsync(db, categories, seeds.Categories, "categories.yaml", cancellationToken)
                + await ReadAsync(db, facts, seeds.Facts, "facts.yaml", cancellationToken)
                + await ReadAsync(db, promotions, seeds.Promotions, "promotions.yaml", cancellationToken)
                + await ReadAsync(db, people, seeds.People, "people.yaml", cancellationToken);
            seeds.Categories.Sort(TreeOrder(seeds.Categories));
            trashed += await ReadArticlesAsync(db, seeds.Articles, cancellationToken);
            media = ExportedMedia.Of(await db.Assets.AsNoTracking().Where(a => a.DeletedAt == null).ToListAsync(cancellationToken));
        }

        var errors = new List<SeedError>();
        SeedValidator.Validate(seeds, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var writer = new SeedYamlWriter(media.FileNames);
        await ExportFolder.WriteAsync(target, async folder =>
        {
            await WriteAsync(folder, "site.yaml", seeds.Site is { } site ? writer.One(site.Item) : null, cancellationToken);
            await WriteAsync(folder, "categories.yaml", ListOrNone(writer, seeds.Categories), cancellationToken);
            await WriteAsync(folder, "disclaimers.yaml", ListOrNone(writer, seeds.Disclaimers), cancellationToken);
            await WriteAsync(folder, "facts.yaml", ListOrNone(writer, seeds.Facts), cancellationToken);
            await WriteAsync(folder, "promotions.yaml", ListOrNone(writer, seeds.Promotions), cancellationToken);
            await WriteAsync(folder, "people.yaml", ListOrNone(writer, seeds.People), cancellationToken);
            if (media.Files.Count > 0)
            {
                await WriteAsync(folder, SeedMedia.ListFile, writer.List(media.Entries()), cancellationToken);
                await media.CopyAsync(storage, folder, cancellationToken);
            }

            Directory.CreateDirectory(Path.Combine(folder, ArticlesFolder));
            for (var index = 0; index < seeds.Articles.Count; index++)
            {
                var article = seeds.Articles[index];
                await WriteAsync(folder, article.File, writer.Article(article.Item), cancellationToken);
                progress?.Report(new ExportProgress(index + 1, seeds.Articles.Count));
            }

            return true;
        });

        return (new ExportSummary(
            target, seeds.Site is null ? 0 : 1, seeds.Categories.Count, seeds.Disclaimers.Count, seeds.Facts.Count, seeds.Promotions.Count,
            seeds.People.Count, seeds.Articles.Count, seeds.Articles.Count(a => a.Item.Approval is not null), media.Files.Count, trashed,
            Math.Round(clock.Elapsed.TotalSeconds, 3)), errors);
    }

    /// <summary>
    /// One consistent view of the database while editors keep writing: SQLite's deferred transaction reads one WAL
    /// snapshot without taking the write lock; the server databases read at repeatable read.
    /// </summary>
    private static async Task<IDbContextTransaction> BeginSnapshotAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return (await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), cancellationToken))!;
        }

        return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
    }

    /// <summary>Reads the type's items outside the trash, ordered by slug or key, into <paramref name="seeds"/>; answers how many are in the trash.</summary>
    private static async Task<int> ReadAsync<TEntity, TInput>(
        ContentHubDbContext db, IEditableContent<TEntity, TInput> content, List<Located<TInput>> seeds, string file, CancellationToken cancellationToken)
        where TEntity : ContentItem
        where TInput : class, ISeed
    {
        var items = await content.WithReferences(db).AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        seeds.AddRange(items.Where(item => item.Status != PublicationStatus.Trashed)
            .Select(content.ToInput)
            .OrderBy(input => input.NaturalKey, StringComparer.Ordinal)
            .Select(input => new Located<TInput>(input, file, 0)));
        return items.Count(item => item.Status == PublicationStatus.Trashed);
    }

    private async Task<int> ReadArticlesAsync(ContentHubDbContext db, List<Located<ArticleSeed>> seeds, CancellationToken cancellationToken)
    {
        var items = await articles.WithReferences(db).AsNoTracking().AsSplitQuery()
            .Where(a => a.Status != PublicationStatus.Trashed)
            .ToListAsync(cancellationToken);
        var approvals = await SeedApproval.OfAsync(db, items, cancellationToken);
        seeds.AddRange(items.Select(article =>
            {
                var input = articles.ToInput(article);
                input.Approval = approvals.GetValueOrDefault(article.Id);
                return input;
            })
            .OrderBy(input => input.Slug, StringComparer.Ordinal)
            .Select(input => new Located<ArticleSeed>(input, $"{ArticlesFolder}/{input.Slug}.md", 1)));
        return await db.Articles.CountAsync(a => a.Status == PublicationStatus.Trashed, cancellationToken);
    }

    /// <summary>Parents before their sub-categories (the import needs them first): depth first, siblings by sort order, then slug.</summary>
    private static Comparison<Located<CategorySeed>> TreeOrder(List<Located<CategorySeed>> categories)
    {
        var slugs = categories.Select(c => c.Item.Slug!).ToHashSet(StringComparer.Ordinal);
        var children = categories.ToLookup(c => c.Item.Parent is { } parent && slugs.Contains(parent) ? parent : null, StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(string? parent)
        {
            foreach (var child in children[parent].OrderBy(c => c.Item.SortOrder).ThenBy(c => c.Item.Slug, StringComparer.Ordinal))
            {
                if (order.TryAdd(child.Item.Slug!, order.Count))
                {
                    Visit(child.Item.Slug);
                }
            }
        }

        Visit(null);
        return (a, b) => order.GetValueOrDefault(a.Item.Slug!, int.MaxValue).CompareTo(order.GetValueOrDefault(b.Item.Slug!, int.MaxValue));
    }

    /// <summary>A list file, or none when there are no items (every seed file is optional).</summary>
    private static string? ListOrNone<T>(SeedYamlWriter writer, List<Located<T>> items)
        where T : class, new() =>
        items.Count == 0 ? null : writer.List(items.Select(item => item.Item));

    private static async Task WriteAsync(string folder, string file, string? text, CancellationToken cancellationToken)
    {
        if (text is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file), text, cancellationToken);
        }
    }
}
