using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Articles;

/// <summary>searchArticles: ranking, highlighted snippets, paging, visibility, an index in step with writes, hostile input.</summary>
public abstract class ArticleSearchTests : IAsyncLifetime
{
    private const string Search = """
        query($query: String!, $first: Int, $after: String, $filter: ArticleFilter) {
          searchArticles(query: $query, first: $first, after: $after, filter: $filter) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor score snippet node { slug } }
          }
        }
        """;

    private const int WalkingArticles = 23;

    private readonly EmptyContentHubFactory _factory;

    private ArticleSearchTests(EmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        await using var db = _factory.CreateDbContext();
        if (await db.Articles.AnyAsync())
        {
            return;
        }

        var spine = TestContent.Category("spine", PublicationStatus.Published);
        db.Articles.AddRange(
            Article("sciatica-guide", "Sciatica, a guide", "How to ease leg pain at home.", spine, tags: ["nerves"]),
            Article("leg-pain", "Leg pain explained", "Often the cause is sciatica & a pinched nerve: 5 < 6 <script>.", spine),
            Article("tagged-only", "Nerve care", "Nothing about it in the text.", null, tags: ["sciatica"]),
            Article("draft-sciatica", "Sciatica draft", "Unpublished.", spine, PublicationStatus.Draft),
            Article("trashed-sciatica", "Sciatica in the bin", "Gone.", spine, PublicationStatus.Trashed),
            Article("yoga", "Yoga at home", "Stretch gently.", null));
        for (var i = 0; i < WalkingArticles; i++)
        {
            // Some share a text exactly, so their ranks tie and only ids order them.
            var body = string.Join(" ", Enumerable.Repeat("walking", 1 + (i % 4))) + " helps the back. " + new string('x', i % 3);
            db.Articles.Add(Article($"walking-{i:D2}", $"Daily habit {i}", body, null));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Should_rank_title_matches_first_and_find_tags_summaries_and_bodies()
    {
        var edges = await SearchAsync(_factory.CreateClient(), "sciatica");

        Assert.Equal(["sciatica-guide", "tagged-only", "leg-pain"], edges.Select(Slug));
        var scores = edges.Select(e => e!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(scores[^1] > 0);
    }

    [SkippableFact]
    public async Task Should_highlight_the_words_in_an_html_safe_snippet()
    {
        var edges = await SearchAsync(_factory.CreateClient(), "SCIATICA nerve");

        var snippet = edges.Single(e => Slug(e) == "leg-pain")!["snippet"]!.GetValue<string>();
        Assert.Contains("<mark>sciatica</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>nerve</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp; a pinched", snippet, StringComparison.Ordinal);
        Assert.Contains("5 &lt; 6 &lt;script&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", snippet, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Should_match_word_forms_through_stemming()
    {
        var edges = await SearchAsync(_factory.CreateClient(), "walk helped");

        Assert.Equal(WalkingArticles, edges.Count);
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public async Task Should_walk_every_result_once_in_rank_order_across_pages(int pageSize)
    {
        var client = _factory.CreateClient();
        var whole = await SearchAsync(client, "walking", first: 100);
        var walked = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = (await client.PostQueryAsync(Search, new { query = "walking", first = pageSize, after })).AssertData()["searchArticles"]!;
            walked.AddRange(page["edges"]!.AsArray().Select(e => e!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(WalkingArticles, walked.Select(Slug).Distinct().Count());
        Assert.Equal(whole.Select(Slug), walked.Select(Slug));
        var scores = walked.Select(e => e["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [SkippableFact]
    public async Task Should_hide_drafts_from_anonymous_readers_and_trash_from_everyone()
    {
        var anonymous = await SearchAsync(_factory.CreateClient(), "sciatica");
        var editor = await SearchAsync(await _factory.CreateClientAsync(ApiKeyRole.Editor), "sciatica");

        Assert.DoesNotContain("draft-sciatica", anonymous.Select(Slug));
        Assert.Contains("draft-sciatica", editor.Select(Slug));
        Assert.DoesNotContain("trashed-sciatica", editor.Select(Slug));
    }

    [SkippableFact]
    public async Task Should_apply_the_article_filter_and_count_the_results()
    {
        var response = (await _factory.CreateClient().PostQueryAsync(Search, new { query = "sciatica", filter = new { category = "spine" } })).AssertData();

        Assert.Equal(["sciatica-guide", "leg-pain"], response["searchArticles"]!["edges"]!.AsArray().Select(Slug));
        Assert.Equal(2, response["searchArticles"]!["totalCount"]!.GetValue<int>());
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("\"*\" - ^ : ( )")]
    public async Task Should_refuse_a_query_without_words_as_a_validation_error(string query)
    {
        var response = await _factory.CreateClient().PostQueryAsync(Search, new { query });

        Assert.Equal("VALIDATION", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(response.Data?["searchArticles"]);
    }

    [SkippableTheory]
    [InlineData("AND(")]
    [InlineData("sciatica OR yoga")]
    [InlineData("NEAR(sciatica leg)")]
    [InlineData("title:yoga")]
    [InlineData("sci*")]
    [InlineData("\"sciatica")]
    [InlineData("sciatica\"; DROP TABLE Articles; --")]
    public async Task Should_treat_query_syntax_as_plain_words(string query)
    {
        var response = await _factory.CreateClient().PostQueryAsync(Search, new { query });

        response.AssertData();
        Assert.DoesNotContain("yoga", response.Data!["searchArticles"]!["edges"]!.AsArray().Select(Slug));
    }

    [SkippableFact]
    public async Task Should_refuse_overlong_queries_and_foreign_cursors()
    {
        var client = _factory.CreateClient();

        var tooLong = await client.PostQueryAsync(Search, new { query = new string('a', 201) });
        var tooManyWords = await client.PostQueryAsync(Search, new { query = string.Join(" ", Enumerable.Range(0, 21).Select(i => $"w{i}")) });
        var foreign = await client.PostQueryAsync(Search, new { query = "walking", after = "bm90LWEtY3Vyc29y" });

        Assert.All([tooLong, tooManyWords, foreign], r => Assert.Equal("VALIDATION", r.Errors![0]!["extensions"]!["code"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_follow_updates_and_deletions_made_through_mutations()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await ArticleMutations.CreateAsync(editor, new { title = "Kyphoplasty basics", body = "Cement for fractured vertebrae.", tags = new[] { "osteoporosis" } });
        var foundAsDraft = await SearchAsync(editor, "kyphoplasty");

        var updated = (await ArticleMutations.MutateAsync(editor, "updateArticle", article, new { title = "Vertebroplasty basics", tags = new[] { "fractures" } }))["article"]!;
        var oldTitle = await SearchAsync(editor, "kyphoplasty");
        var newTitle = await SearchAsync(editor, "vertebroplasty");
        var newTag = await SearchAsync(editor, "fractures");
        var oldTag = await SearchAsync(editor, "osteoporosis");
        var trashed = (await ArticleMutations.MutateAsync(editor, "deleteArticle", updated))["article"]!;
        await ArticleMutations.MutateAsync(await _factory.CreateClientAsync(ApiKeyRole.Admin), "purgeArticle", trashed);
        var purged = await SearchAsync(editor, "vertebroplasty");

        Assert.Single(foundAsDraft);
        Assert.Empty(oldTitle);
        Assert.Single(newTitle);
        Assert.Single(newTag);
        Assert.Empty(oldTag);
        Assert.Empty(purged);
    }

    [SkippableFact]
    public async Task Should_rank_anonymous_searches_the_same_whatever_hidden_articles_contain()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var anonymous = _factory.CreateClient();
        var anonymousBefore = await ScoresAsync(anonymous);
        var editorBefore = await ScoresAsync(editor);

        var words = string.Join(" ", Enumerable.Repeat("walking helps sciatica", 50));
        var draft = await ArticleMutations.CreateAsync(editor, new { title = "Walking helps sciatica", summary = words[..900], body = words, tags = new[] { "walking", "sciatica" } });
        var trashed = await ArticleMutations.CreateAsync(editor, new { title = "Walking, binned", body = words });
        await ArticleMutations.MutateAsync(editor, "deleteArticle", trashed);
        var archived = await ArticleMutations.CreateAsync(editor, new { title = "Walking, withdrawn", body = words });
        archived = (await ArticleMutations.MutateAsync(editor, "publishArticle", archived))["article"]!;
        await ArticleMutations.MutateAsync(editor, "archiveArticle", archived);
        var anonymousAfter = await ScoresAsync(anonymous);
        var editorAfter = await ScoresAsync(editor);
        await ArticleMutations.MutateAsync(editor, "deleteArticle", draft);

        Assert.Equal(anonymousBefore, anonymousAfter);
        Assert.NotEqual(editorBefore.Where(s => s.StartsWith("walking-", StringComparison.Ordinal)), editorAfter.Where(s => s.StartsWith("walking-", StringComparison.Ordinal)));
    }

    /// <summary>Each result of two searches as slug and exact score, in order.</summary>
    private async Task<List<string>> ScoresAsync(HttpClient client)
    {
        var scores = new List<string>();
        foreach (var query in new[] { "walking helps", "sciatica" })
        {
            scores.AddRange((await SearchAsync(client, query)).Select(edge => $"{Slug(edge)} {edge["score"]!.GetValue<double>():R}"));
        }

        return scores;
    }

    private async Task<List<JsonNode>> SearchAsync(HttpClient client, string query, int first = 100) =>
        [.. (await client.PostQueryAsync(Search, new { query, first })).AssertData()["searchArticles"]!["edges"]!.AsArray().Select(e => e!)];

    private static string Slug(JsonNode? edge) => edge!["node"]!["slug"]!.GetValue<string>();

    private static Server.Articles.Article Article(
        string slug, string title, string body, Server.Categories.Category? category, PublicationStatus status = PublicationStatus.Published, List<string>? tags = null)
    {
        var article = TestContent.Article(slug, status, category);
        article.Title = title;
        article.Body = MarkdownRenderer.Render(body);
        article.Tags = tags ?? [];
        return article;
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : ArticleSearchTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : ArticleSearchTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
