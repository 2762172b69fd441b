using ContentHub.Server.Content;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Seeding;

/// <summary>The <c>seed --synthetic N</c> verb of the real executable: counts, drafts, reruns, determinism.</summary>
public sealed class SyntheticSeedCommandTests : IDisposable
{
    private const int Count = 500;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"contenthub-synthetic-{Guid.NewGuid():N}.db");
    private readonly string _other = Path.Combine(Path.GetTempPath(), $"contenthub-synthetic-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in new[] { _database, _other })
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [Fact]
    public async Task Should_generate_the_same_articles_once_in_every_database()
    {
        var first = await ServerProcess.RunAsync(["seed", "--synthetic", $"{Count}"], _database);
        var second = await ServerProcess.RunAsync(["seed", "--synthetic", $"{Count}"], _database);
        var elsewhere = await ServerProcess.RunAsync(["seed", "--synthetic", $"{Count}"], _other);

        Assert.Equal(0, first.ExitCode);
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
        Assert.Equal(articles.Select(a => (a.Slug, a.Title, a.Status, a.PublishedAt, a.Body.Markdown)), again.Select(a => (a.Slug, a.Title, a.Status, a.PublishedAt, a.Body.Markdown)));
    }

    [Fact]
    public async Task Should_add_every_imported_article_to_the_search_index()
    {
        var result = await ServerProcess.RunAsync(["seed", "--synthetic", "50"], _database);

        Assert.Equal(0, result.ExitCode);
        await using var db = new SqliteContentHubDbContext(
            new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={_database}").Options);
        var articles = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        // One row per indexed article, whether imported from seed files (EF, triggers) or generated (batch indexing).
        var indexed = await db.Database.SqlQuery<int>($"""SELECT "id" AS "Value" FROM "ArticleSearch_docsize" ORDER BY "id" """).ToListAsync();
        var published = await db.Articles.Where(a => a.Status == PublicationStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var indexedAsPublished = await db.Database.SqlQuery<int>($"""SELECT "id" AS "Value" FROM "PublishedArticleSearch_docsize" ORDER BY "id" """).ToListAsync();
        var byTitleNumber = await db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'Title : "37"' """).ToListAsync();
        var revision = await db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'revision surgery' """).ToListAsync();

        Assert.Equal(articles, indexed);
        Assert.Equal(published, indexedAsPublished);
        Assert.NotEqual(articles.Count, published.Count); // drafts and archived articles among them
        Assert.Equal([await db.Articles.Where(a => a.Slug == "synthetic-0000037").Select(a => a.Id).SingleAsync()], byTitleNumber);
        Assert.Contains(await db.Articles.Where(a => a.Slug == "revision-surgery").Select(a => a.Id).SingleAsync(), revision);
        Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "ArticleSearchPaused" """).SingleAsync());
    }

    [Fact]
    public async Task Should_refuse_synthetic_content_in_a_dry_run()
    {
        var result = await ServerProcess.RunAsync(["seed", "--synthetic", "10", "--dry-run"], _database);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--synthetic cannot be combined with --dry-run", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    private sealed record Row(string Slug, string Title, PublicationStatus Status, DateTime? PublishedAt, RichText Body, List<string> Tags, int? CategoryId);

    private static async Task<List<Row>> SyntheticArticlesAsync(string database)
    {
        await using var db = new SqliteContentHubDbContext(
            new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={database}").Options);
        return await db.Articles.Where(a => a.Slug.StartsWith("synthetic-"))
            .OrderBy(a => a.Slug)
            .Select(a => new Row(a.Slug, a.Title, a.Status, a.PublishedAt, a.Body, a.Tags, a.CategoryId))
            .ToListAsync();
    }
}
