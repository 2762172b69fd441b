using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Articles;

/// <summary>Article.related: same category or shared tags, more shared tags first, then the most recent; visibility-aware.</summary>
public abstract class ArticleRelatedTests : IAsyncLifetime
{
    private readonly EmptyContentHubFactory _factory;

    private ArticleRelatedTests(EmptyContentHubFactory factory)
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
        var other = TestContent.Category("other", PublicationStatus.Published);
        db.Articles.AddRange(
            Article("source", spine, ["sciatica", "back-pain"], minutes: 0),
            Article("two-tags", other, ["back-pain", "sciatica", "extra"], minutes: -500),
            Article("one-tag-new", null, ["back-pain"], minutes: 300),
            Article("one-tag-old", other, ["sciatica"], minutes: -300),
            Article("same-category", spine, [], minutes: 900),
            Article("same-category-old", spine, [], minutes: -900),
            Article("draft", spine, ["sciatica", "back-pain"], minutes: 0, PublicationStatus.Draft),
            Article("longer-tag", other, ["lower-back-pain"], minutes: 0),
            Article("unrelated", other, ["yoga"], minutes: 0),
            Article("lonely", null, [], minutes: 0));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Should_rank_by_shared_tags_then_recency_and_leave_out_the_article_itself_and_drafts()
    {
        var related = await RelatedAsync(_factory.CreateClient(), "source", first: 10);

        Assert.Equal(["two-tags", "one-tag-new", "one-tag-old", "same-category", "same-category-old"], related);
    }

    [SkippableFact]
    public async Task Should_return_three_by_default_and_show_editors_drafts()
    {
        var anonymous = await RelatedAsync(_factory.CreateClient(), "source", first: null);
        var editor = await RelatedAsync(await _factory.CreateClientAsync(ApiKeyRole.Editor), "source", first: 2);

        Assert.Equal(["two-tags", "one-tag-new", "one-tag-old"], anonymous);
        Assert.Equal(["two-tags", "draft"], editor); // both share two tags; the draft, dated by its creation, is older
    }

    [SkippableFact]
    public async Task Should_find_nothing_for_an_article_without_category_or_tags()
    {
        Assert.Empty(await RelatedAsync(_factory.CreateClient(), "lonely", first: 5));
    }

    [SkippableFact]
    public async Task Should_load_related_articles_for_a_whole_page_in_two_commands()
    {
        var client = _factory.CreateClient();

        _factory.SqlCommands.Reset();
        var data = (await client.PostQueryAsync("{ articles(first: 20) { edges { node { slug related(first: 2) { slug } } } } }")).AssertData();
        var count = _factory.SqlCommands.Count;

        Assert.Equal(9, data["articles"]!["edges"]!.AsArray().Count);
        Assert.Equal(3, count); // the page; the candidates for all of them; the chosen articles
    }

    [SkippableFact]
    public async Task Should_refuse_a_full_page_of_related_lists_of_related_lists_by_their_cost()
    {
        var response = await _factory.CreateClient().PostQueryAsync(
            "{ articles(first: 100) { edges { node { related(first: 15) { related(first: 15) { id } } } } } }");

        Assert.Equal(400, response.Status);
        Assert.Equal("COMPLEXITY_LIMIT_EXCEEDED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_allow_a_full_page_with_three_related_articles_each()
    {
        var data = (await _factory.CreateClient().PostQueryAsync("""
            { articles(first: 100) { edges { node { slug title summary publishedAt tags category { name } related(first: 3) { slug title publishedAt } } } } }
            """)).AssertData();

        var source = data["articles"]!["edges"]!.AsArray().Single(e => e!["node"]!["slug"]!.GetValue<string>() == "source")!["node"]!;
        Assert.Equal(["two-tags", "one-tag-new", "one-tag-old"], source["related"]!.AsArray().Select(a => a!["slug"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_rank_only_the_newest_candidates_of_each_category_and_tag()
    {
        using var factory = new CustomContentHubFactory(_factory.Database, ("Seeding:OnStartup", "false"));
        await using (var db = factory.CreateDbContext())
        {
            var knees = TestContent.Category("knees", PublicationStatus.Published);
            // An old article sharing both tags, then more newer articles with one of them than a tag's candidates hold.
            db.Articles.Add(Article("old-both", knees, ["meniscus", "ligament"], minutes: -5000));
            await db.SaveChangesAsync(); // the oldest id too: EF Core does not keep the order of one batch's inserts
            for (var i = 0; i < RelatedArticlesLoader.CandidatesPerSource; i++)
            {
                db.Articles.Add(Article($"meniscus-{i}", null, ["meniscus"], minutes: i));
                db.Articles.Add(Article($"ligament-{i}", null, ["ligament"], minutes: i));
                db.Articles.Add(Article($"knees-{i}", knees, [], minutes: i));
            }

            db.Articles.Add(Article("knee-source", knees, ["meniscus", "ligament"], minutes: 0));
            await db.SaveChangesAsync();
        }

        var related = await RelatedAsync(factory.CreateClient(), "knee-source", first: 3);

        // Unbounded, "old-both" would lead (two shared tags), but it is older than every candidate kept for each tag and for the category.
        Assert.Equal(["ligament-19", "meniscus-19", "ligament-18"], related);
    }

    private static async Task<List<string>> RelatedAsync(HttpClient client, string slug, int? first)
    {
        var field = first is null ? "related" : $"related(first: {first})";
        var data = (await client.PostQueryAsync($$"""{ article(slug: "{{slug}}") { {{field}} { slug } } }""")).AssertData();
        return [.. data["article"]!["related"]!.AsArray().Select((JsonNode? a) => a!["slug"]!.GetValue<string>())];
    }

    private static Server.Articles.Article Article(
        string slug, Server.Categories.Category? category, List<string> tags, int minutes, PublicationStatus status = PublicationStatus.Published)
    {
        var article = TestContent.Article(slug, status, category, minutesAfter: 1000 + minutes);
        article.Tags = tags;
        return article;
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : ArticleRelatedTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : ArticleRelatedTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
