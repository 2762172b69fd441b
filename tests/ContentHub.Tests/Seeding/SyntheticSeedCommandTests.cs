using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// The <c>seed --synthetic N</c> verb of the real executable: counts, drafts, reruns, determinism, and the search index
/// of the rows it bulk-inserts (Data/BulkInsert, each provider's search index), on SQLite and on PostgreSQL.
/// </summary>
public abstract class SyntheticSeedCommandTests : IDisposable
{
    private const int Count = 500;
    private readonly ContentHubFactory _database;
    private readonly ContentHubFactory _other;

    private SyntheticSeedCommandTests(Func<ContentHubFactory> newDatabase)
    {
        _database = newDatabase();
        _other = newDatabase();
        _database.SkipUnlessAvailable();
    }

    public void Dispose()
    {
        _database.Dispose();
        _other.Dispose();
    }

    /// <summary>
    /// Asserts that the provider's search index holds every article (and the published ones as published), finds
    /// synthetic-0000037 by its title and the seed folder's revision-surgery by its words.
    /// </summary>
    protected abstract Task AssertEveryArticleIndexedAsync(ContentHubDbContext db);

    [SkippableFact]
    public async Task Should_generate_the_same_articles_once_in_every_database()
    {
        var first = await ServerProcess.RunAsync(["seed", "--synthetic", $"{Count}"], _database);
        var second = await ServerProcess.RunAsync(["seed", "--synthetic", $"{Count}"], _database);
        var elsewhere = await ServerProcess.RunAsync(["seed", "--synthetic", $"{Count}"], _other);

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Contains($"Synthetic: {Count} articles created, 0 already there, 5 categories created", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("articles/s", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Synthetic articles {Count}/{Count} (100%)", first.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"Synthetic: 0 articles created, {Count} already there, 0 categories created", second.StandardOutput, StringComparison.Ordinal);

        var articles = await SyntheticArticlesAsync(_database);
        Assert.Equal(Count, articles.Count);
        Assert.Equal(Enumerable.Range(1, Count).Select(i => $"synthetic-{i:D7}"), articles.Select(a => a.Slug));
        var drafts = articles.Count(a => a.Status == PublicationStatus.Draft);
        Assert.InRange(drafts, Count * 6 / 100, Count * 14 / 100);
        Assert.All(articles.Where(a => a.Status == PublicationStatus.Draft), a => Assert.Null(a.PublishedAt));
        Assert.All(articles.Where(a => a.Status != PublicationStatus.Draft), a => Assert.NotNull(a.PublishedAt));
        Assert.All(articles, a => Assert.Equal(DateTimeKind.Utc, (a.PublishedAt ?? a.CreatedAt).Kind));
        Assert.True(articles.Max(a => a.PublishedAt) - articles.Min(a => a.PublishedAt) > TimeSpan.FromDays(5 * 365), "dates spread over years");
        Assert.All(articles, a =>
        {
            Assert.StartsWith("<p>", a.Body.Html, StringComparison.Ordinal);
            var rendered = MarkdownRenderer.Render(a.Body.Markdown);
            Assert.Equal(
                (rendered.Html, rendered.Text, rendered.Excerpt, rendered.ReadingTimeMinutes),
                (a.Body.Html, a.Body.Text, a.Body.Excerpt, a.Body.ReadingTimeMinutes));
            Assert.Equal(rendered.Outline, a.Body.Outline);
            Assert.NotEmpty(a.Tags);
        });
        Assert.Contains(articles, a => a.Body.Outline.Count > 0);
        Assert.True(articles.Select(a => a.CategoryId).Distinct().Count() > 5, "spread over categories");

        Assert.Equal(0, elsewhere.ExitCode);
        var again = await SyntheticArticlesAsync(_other);
        Assert.Equal(
            articles.Select(a => (a.Slug, a.Title, a.Status, a.PublishedAt, a.Body.Markdown, string.Join(' ', a.Tags))),
            again.Select(a => (a.Slug, a.Title, a.Status, a.PublishedAt, a.Body.Markdown, string.Join(' ', a.Tags))));
    }

    [SkippableFact]
    public async Task Should_add_every_imported_article_to_the_search_index()
    {
        var result = await ServerProcess.RunAsync(["seed", "--synthetic", "50"], _database);

        Assert.True(result.ExitCode == 0, result.StandardError);
        await using var db = _database.OpenDatabase();
        // Drafts and archived articles among them: the index of published articles must leave those out.
        Assert.NotEqual(await db.Articles.CountAsync(), await db.Articles.CountAsync(a => a.Status == PublicationStatus.Published));
        await AssertEveryArticleIndexedAsync(db);
    }

    [SkippableFact]
    public async Task Should_refuse_synthetic_content_in_a_dry_run()
    {
        var result = await ServerProcess.RunAsync(["seed", "--synthetic", "10", "--dry-run"], _database);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--synthetic cannot be combined with --dry-run", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    private sealed record Row(string Slug, string Title, PublicationStatus Status, DateTime? PublishedAt, DateTime CreatedAt, RichText Body, List<string> Tags, int? CategoryId);

    private static async Task<List<Row>> SyntheticArticlesAsync(ContentHubFactory database)
    {
        await using var db = database.OpenDatabase();
        return await db.Articles.Where(a => a.Slug.StartsWith("synthetic-"))
            .OrderBy(a => a.Slug)
            .Select(a => new Row(a.Slug, a.Title, a.Status, a.PublishedAt, a.CreatedAt, a.Body, a.Tags, a.CategoryId))
            .ToListAsync();
    }

    private static Task<int> IdOfAsync(ContentHubDbContext db, string slug) =>
        db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();

    public sealed class OnSqlite() : SyntheticSeedCommandTests(() => new EmptyContentHubFactory())
    {
        protected override async Task AssertEveryArticleIndexedAsync(ContentHubDbContext db)
        {
            var articles = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            // One row per indexed article, whether imported from seed files (EF, triggers) or generated (batch indexing).
            var indexed = await db.Database.SqlQuery<int>($"""SELECT "id" AS "Value" FROM "ArticleSearch_docsize" ORDER BY "id" """).ToListAsync();
            var published = await db.Articles.Where(a => a.Status == PublicationStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
            var indexedAsPublished = await db.Database.SqlQuery<int>($"""SELECT "id" AS "Value" FROM "PublishedArticleSearch_docsize" ORDER BY "id" """).ToListAsync();
            var byTitleNumber = await db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'Title : "37"' """).ToListAsync();
            var revision = await db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'revision surgery' """).ToListAsync();

            Assert.Equal(articles, indexed);
            Assert.Equal(published, indexedAsPublished);
            Assert.Equal([await IdOfAsync(db, "synthetic-0000037")], byTitleNumber);
            Assert.Contains(await IdOfAsync(db, "revision-surgery"), revision);
            Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "ArticleSearchPaused" """).SingleAsync());
        }
    }

    /// <summary>PostgreSQL indexes the search document column of every row, published or not; the status is a condition of the query.</summary>
    public sealed class OnPostgreSql() : SyntheticSeedCommandTests(() => new CustomContentHubFactory(TestDatabase.PostgreSql))
    {
        protected override async Task AssertEveryArticleIndexedAsync(ContentHubDbContext db)
        {
            var unindexed = await db.Database.SqlQuery<int>(
                $"""SELECT count(*)::int AS "Value" FROM "Articles" WHERE "SearchDocument" IS NULL OR length("SearchDocument") = 0""").SingleAsync();
            var title = await db.Articles.Where(a => a.Slug == "synthetic-0000037").Select(a => a.Title).SingleAsync();
            var byTitle = await db.Database.SqlQuery<int>(
                $"""SELECT "Id" AS "Value" FROM "Articles" WHERE "SearchDocument" @@ phraseto_tsquery('english', {title})""").ToListAsync();
            var revision = await db.Database.SqlQuery<int>(
                $"""SELECT "Id" AS "Value" FROM "Articles" WHERE "SearchDocument" @@ plainto_tsquery('english', 'revision surgery')""").ToListAsync();

            Assert.Equal(0, unindexed);
            Assert.Contains(await IdOfAsync(db, "synthetic-0000037"), byTitle);
            Assert.Contains(await IdOfAsync(db, "revision-surgery"), revision);
        }
    }
}
