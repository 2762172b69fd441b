using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Articles;

/// <summary>The articles connection's filter and sort arguments, for anonymous readers and editors.</summary>
public abstract class ArticleFilterTests : IAsyncLifetime
{
    private const string Walk = """
        query($first: Int, $after: String, $filter: ArticleFilter, $sort: ArticleSort) {
          articles(first: $first, after: $after, filter: $filter, sort: $sort) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { slug } }
          }
        }
        """;

    private readonly EmptyContentHubFactory _factory;
    private List<Article> _all = [];
    private Dictionary<int, string> _categorySlugs = [];

    private ArticleFilterTests(EmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        await ArticleCatalog.SeedAsync(_factory);
        await using var db = _factory.CreateDbContext();
        _all = await db.Articles.AsNoTracking().ToListAsync();
        _categorySlugs = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.Slug);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableTheory]
    [InlineData("""category: "spine" """, true)]
    [InlineData("""search: "yoga" """, false)]
    [InlineData("""tag: "rare" """, false)]
    [InlineData("""tags: ["rare"] """, false)]
    public async Task Should_price_a_total_count_under_a_text_or_tag_condition_as_a_scan(string condition, bool allowed)
    {
        // Counting matches of a condition no index answers reads every visible article: twelve such counts are
        // past the budget, while twelve counts of a category are a few index ranges.
        var query = "{ " + string.Concat(Enumerable.Range(0, 12).Select(i => $"c{i}: articles(first: 1, filter: {{ {condition} }}) {{ totalCount }} ")) + "}";

        var response = await _factory.CreateClient().PostQueryAsync(query);

        if (allowed)
        {
            response.AssertData();
            return;
        }

        Assert.Equal(400, response.Status);
        Assert.Equal("COMPLEXITY_LIMIT_EXCEEDED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_include_sub_categories_at_any_depth_through_visible_categories_only()
    {
        var anonymous = await WalkAsync(_factory.CreateClient(), new { category = "health" });
        var editor = await WalkAsync(await _factory.CreateClientAsync(ApiKeyRole.Editor), new { category = "health" });

        Assert.Equal(Expected(Readable, InCategories("health", "spine", "lumbar")), anonymous.Order());
        Assert.Equal(Expected(Editable, InCategories("health", "spine", "lumbar", "hidden", "under-hidden")), editor.Order());
        Assert.Empty(await WalkAsync(_factory.CreateClient(), new { category = "hidden" }));
    }

    [SkippableFact]
    public async Task Should_match_any_of_the_given_tags_and_all_of_tag_and_tags()
    {
        var anyOf = await WalkAsync(_factory.CreateClient(), new { tags = new[] { "surgery", "rare" } });
        var both = await WalkAsync(_factory.CreateClient(), new { tag = "exercise", tags = new[] { "rare" } });

        Assert.Equal(Expected(Readable, a => a.Tags.Contains("surgery") || a.Tags.Contains("rare")), anyOf.Order());
        Assert.Equal(Expected(Readable, a => a.Tags.Contains("exercise") && a.Tags.Contains("rare")), both.Order());
    }

    [SkippableFact]
    public async Task Should_keep_articles_published_in_the_date_range()
    {
        var from = ArticleCatalog.Start.AddDays(30);
        var until = ArticleCatalog.Start.AddDays(90);

        var slugs = await WalkAsync(await _factory.CreateClientAsync(ApiKeyRole.Editor), new { publishedAfter = from, publishedBefore = until });

        Assert.Equal(Expected(Editable, a => a.PublishedAt >= from && a.PublishedAt < until), slugs.Order());
        Assert.NotEmpty(slugs);
    }

    [SkippableFact]
    public async Task Should_search_titles_and_summaries_ignoring_case_and_wildcards()
    {
        var client = _factory.CreateClient();

        var walking = await WalkAsync(client, new { search = "WALKING" });
        var yoga = await WalkAsync(client, new { search = "yoga" });
        var percent = await WalkAsync(client, new { search = "0% n" });
        var wildcard = await WalkAsync(client, new { search = "%_" });

        Assert.Equal(Expected(Readable, a => a.Title.Contains("Walking", StringComparison.Ordinal)), walking.Order());
        Assert.Equal(Expected(Readable, a => a.Summary?.Contains("YOGA", StringComparison.Ordinal) == true), yoga.Order());
        Assert.Equal(["article-011"], percent);
        Assert.Empty(wildcard);
        Assert.NotEmpty(walking);
        Assert.NotEmpty(yoga);
    }

    [SkippableFact]
    public async Task Should_let_editors_filter_by_status()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var drafts = await WalkAsync(editor, new { status = "DRAFT" });
        var archived = await WalkAsync(editor, new { status = "ARCHIVED", category = "health" });
        var trashed = await WalkAsync(editor, new { status = "TRASHED" });

        Assert.Equal(Expected(Editable, a => a.Status == PublicationStatus.Draft), drafts.Order());
        Assert.Equal(Expected(Editable, a => a.Status == PublicationStatus.Archived && InCategories("health", "spine", "lumbar", "hidden", "under-hidden")(a)), archived.Order());
        Assert.Empty(trashed);
    }

    [SkippableFact]
    public async Task Should_refuse_anonymous_callers_a_status_other_than_published()
    {
        var client = _factory.CreateClient();

        var drafts = await client.PostQueryAsync(Walk, new { filter = new { status = "DRAFT" } });
        var published = await WalkAsync(client, new { status = "PUBLISHED" });

        Assert.Equal("FORBIDDEN", drafts.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(drafts.Data?["articles"]);
        Assert.Equal(Expected(Readable, _ => true), published.Order());
    }

    [SkippableTheory]
    [InlineData("NEWEST", false)]
    [InlineData("OLDEST", false)]
    [InlineData("TITLE", false)]
    [InlineData("NEWEST", true)]
    [InlineData("OLDEST", true)]
    [InlineData("TITLE", true)]
    public async Task Should_walk_every_article_once_in_each_sort(string sort, bool asEditor)
    {
        var client = asEditor ? await _factory.CreateClientAsync(ApiKeyRole.Editor) : _factory.CreateClient();

        var slugs = await WalkAsync(client, filter: null, sort, pageSize: 9);

        var visible = _all.Where(asEditor ? Editable : Readable).ToList();
        Func<Article, DateTime> date = asEditor ? a => a.PublishedAt ?? a.CreatedAt : a => a.PublishedAt!.Value;
        var expected = sort switch
        {
            "NEWEST" => visible.OrderByDescending(date).ThenByDescending(a => a.Id),
            "OLDEST" => visible.OrderBy(date).ThenBy(a => a.Id),
            _ => visible.OrderBy(a => a.Title, StringComparer.Ordinal).ThenBy(a => a.Id),
        };
        Assert.Equal(expected.Select(a => a.Slug), slugs);
    }

    [SkippableFact]
    public async Task Should_refuse_a_cursor_issued_for_another_sort()
    {
        var client = _factory.CreateClient();
        var first = (await client.PostQueryAsync(Walk, new { first = 3, sort = "TITLE" })).AssertData();
        var cursor = first["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var newest = await client.PostQueryAsync(Walk, new { first = 3, after = cursor });
        var title = await client.PostQueryAsync(Walk, new { first = 3, after = cursor, sort = "TITLE" });

        Assert.Equal("VALIDATION", newest.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("TITLE", newest.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        title.AssertData();
    }

    [SkippableTheory]
    [InlineData("""{ "search": "x" }""", null)]
    [InlineData("""{ "publishedAfter": "2021-01-01T00:00:00Z", "publishedBefore": "2020-01-01T00:00:00Z" }""", "VALIDATION")]
    [InlineData("""{ "tags": ["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u"] }""", "VALIDATION")]
    public async Task Should_refuse_unreasonable_filters_with_validation_errors(string filterJson, string? code)
    {
        var filter = System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.Nodes.JsonObject>(filterJson);

        var response = await _factory.CreateClient().PostQueryAsync(Walk, new { first = 1, filter });

        if (code is null)
        {
            response.AssertData();
        }
        else
        {
            Assert.Equal(code, response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task Should_refuse_a_search_longer_than_the_limit()
    {
        var response = await _factory.CreateClient().PostQueryAsync(Walk, new { filter = new { search = new string('a', ArticleFiltering.MaxSearchLength + 1) } });

        Assert.Equal("VALIDATION", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static bool Readable(Article article) => article.Status == PublicationStatus.Published;

    private static bool Editable(Article article) => article.Status != PublicationStatus.Trashed;

    private Func<Article, bool> InCategories(params string[] slugs) =>
        a => a.CategoryId is { } id && slugs.Contains(_categorySlugs[id]);

    private IEnumerable<string> Expected(Func<Article, bool> visible, Func<Article, bool> condition) =>
        _all.Where(visible).Where(condition).Select(a => a.Slug).Order();

    private static async Task<List<string>> WalkAsync(HttpClient client, object? filter, string? sort = null, int pageSize = 50)
    {
        var slugs = new List<string>();
        string? after = null;
        int? total = null;
        bool hasNext;
        do
        {
            var page = (await client.PostQueryAsync(Walk, new { first = pageSize, after, filter, sort })).AssertData()["articles"]!;
            total ??= page["totalCount"]!.GetValue<int>();
            Assert.Equal(total, page["totalCount"]!.GetValue<int>());
            slugs.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()));
            hasNext = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]?.GetValue<string>();
        }
        while (hasNext);

        Assert.Equal(total, slugs.Count);
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        return slugs;
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : ArticleFilterTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : ArticleFilterTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
