using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>
/// Editors racing on PostgreSQL, whose Read Committed transactions let both read before either writes. One write is
/// held just before it sends a given command until the other has finished or is seen waiting for a lock; whichever
/// way the database orders them, the rules hold and the loser is told so. (SQLite begins every write transaction
/// with the write lock, so there two writes cannot overlap at all.)
/// </summary>
public sealed class EditingRacePostgreSqlTests : IClassFixture<EditingRacePostgreSqlTests.PausingPostgreSqlFactory>
{
    private readonly PausingPostgreSqlFactory _factory;

    public EditingRacePostgreSqlTests(PausingPostgreSqlFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    /// <summary>A seeded PostgreSQL server whose next write of a given table a test can hold back.</summary>
    public sealed class PausingPostgreSqlFactory : ContentHubFactory
    {
        public PausingPostgreSqlFactory(IMessageSink diagnostics)
            : base(TestDatabase.PostgreSql) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
    }

    [SkippableFact]
    public async Task Should_not_publish_an_article_while_its_category_detaches_the_disclaimer_it_relies_on()
    {
        var (editor, _, category, article) = await DraftInRequiringCategoryAsync("race-detach", attachToCategory: true);

        var (detached, published) = await RaceAsync(
            "UPDATE \"Categories\"",
            () => ContentMutations.MutateAsync(editor, "Category", "updateCategory", category, new { disclaimers = Array.Empty<string>() }),
            () => PublishAsync(editor, article));

        AssertOneWasRefused(detached, published);
        await AssertRuleHoldsAsync("race-detach");
    }

    [SkippableFact]
    public async Task Should_not_publish_an_article_carrying_a_disclaimer_that_is_being_withdrawn()
    {
        var (editor, disclaimer, _, article) = await DraftInRequiringCategoryAsync("race-withdraw", attachToCategory: false);
        article = (await MutateAsync(editor, "updateArticle", article, new { disclaimers = new[] { "race-withdraw-risks" } }))["article"]!;

        var (withdrawn, published) = await RaceAsync(
            "UPDATE \"Disclaimers\"",
            () => ContentMutations.MutateAsync(editor, "Disclaimer", "unpublishDisclaimer", disclaimer),
            () => PublishAsync(editor, article));

        AssertOneWasRefused(withdrawn, published);
        await AssertRuleHoldsAsync("race-withdraw");
    }

    [SkippableFact]
    public async Task Should_answer_conflict_when_a_category_is_filed_under_one_purged_meanwhile()
    {
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var parent = await ContentMutations.CreatePublishedAsync(admin, "Category", new { slug = "race-purged", name = "Race purged" });

        var (filed, purged) = await RaceAsync(
            "INSERT INTO \"Categories\"",
            async () => (await admin.PostQueryAsync(
                "mutation($input: CategoryInput!) { createCategory(input: $input) { category { id } errors { field code message } } }",
                new { input = new { slug = "race-orphan", name = "Race orphan", parent = "race-purged" } })).AssertData()["createCategory"]!,
            async () =>
            {
                var trashed = await ContentMutations.MutateAsync(admin, "Category", "deleteCategory", parent);
                return await ContentMutations.MutateAsync(admin, "Category", "purgeCategory", trashed["category"]!);
            });

        Assert.Empty(purged["errors"]!.AsArray());
        Assert.Equal("CONFLICT", filed["errors"]![0]!["code"]!.GetValue<string>());
        await using var db = _factory.CreateDbContext();
        Assert.False(await db.Categories.AnyAsync(c => c.Slug == "race-purged" || c.Slug == "race-orphan"));
    }

    /// <summary>
    /// Runs <paramref name="first"/> until it is about to send the command containing <paramref name="pauseAt"/>, then
    /// <paramref name="second"/>; lets the first go on once the second is done or waits for a lock the first holds.
    /// </summary>
    private async Task<(JsonNode First, JsonNode Second)> RaceAsync(string pauseAt, Func<Task<JsonNode>> first, Func<Task<JsonNode>> second)
    {
        _factory.Pause.Arm(pauseAt);
        var firstTask = first();
        await _factory.Pause.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        var secondTask = second();
        try
        {
            await using var monitor = new NpgsqlConnection(_factory.DatabaseSettings["ConnectionStrings:ContentHub"]);
            await monitor.OpenAsync();
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", monitor);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!secondTask.IsCompleted && (long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the second write neither finished nor waited for a lock");
                await Task.Delay(20);
            }
        }
        finally
        {
            _factory.Pause.Release();
        }

        return (await firstTask, await secondTask);
    }

    private static void AssertOneWasRefused(JsonNode first, JsonNode second)
    {
        var codes = new[] { first, second }.SelectMany(payload => payload["errors"]!.AsArray()).Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Single(codes);
        Assert.Contains(codes[0], new[] { "DISCLAIMER_REQUIRED", "CONFLICT" });
    }

    /// <summary>A published article in the category carries its required disclaimer, by itself or by the category, published.</summary>
    private async Task AssertRuleHoldsAsync(string name)
    {
        await using var db = _factory.CreateDbContext();
        var article = await db.Articles.AsNoTracking().Include(a => a.Disclaimers).Include(a => a.Category!.Disclaimers).SingleAsync(a => a.Slug == $"{name}-article");
        var reaching = article.Disclaimers.Concat(article.Category!.Disclaimers).Where(d => d.Status == PublicationStatus.Published).Select(d => d.Key);
        Assert.True(article.Status != PublicationStatus.Published || reaching.Contains($"{name}-risks"),
            $"the published article '{article.Slug}' lacks the required disclaimer '{name}-risks'");
    }

    private static async Task<JsonNode> PublishAsync(HttpClient editor, JsonNode article) =>
        (await editor.PostQueryAsync(
            "mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { article { id version } errors { field code message } } }",
            new { id = article["id"]!.GetValue<string>(), version = article["version"]!.GetValue<int>() })).AssertData()["publishArticle"]!;

    /// <summary>A published disclaimer, a published category requiring it (and attaching it, or not) and a draft article there.</summary>
    private async Task<(HttpClient Editor, JsonNode Disclaimer, JsonNode Category, JsonNode Article)> DraftInRequiringCategoryAsync(
        string name, bool attachToCategory)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var key = $"{name}-risks";
        var disclaimer = await ContentMutations.CreatePublishedAsync(
            editor, "Disclaimer", new { key, title = "Surgical risks", body = "Every surgery carries risks.", placement = "ARTICLE_FOOTER" });
        var category = await ContentMutations.CreatePublishedAsync(
            editor, "Category", new { slug = name, name, requiredDisclaimers = new[] { key }, disclaimers = attachToCategory ? new[] { key } : [] });
        return (editor, disclaimer, category, await CreateAsync(editor, new { slug = $"{name}-article", title = $"{name} article", body = "Text.", category = name }));
    }
}
