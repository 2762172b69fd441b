using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using ContentHub.Server.Promotions;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Articles;

/// <summary>
/// Anonymous readers never see a draft: not by id, slug, list or relation. A draft looks like nothing at all.
/// Editors see drafts and archived items everywhere; nobody sees the trash through these fields.
/// </summary>
public abstract class DraftVisibilityTests : IAsyncLifetime
{
    private readonly EmptyContentHubFactory _factory;

    private DraftVisibilityTests(EmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        await using var db = _factory.CreateDbContext();
        if (db.Articles.Any())
        {
            return;
        }

        var published = TestContent.Category("published-category", PublicationStatus.Published);
        var draftCategory = TestContent.Category("draft-category", PublicationStatus.Draft, parent: published);
        var underDraft = TestContent.Category("under-draft", PublicationStatus.Published, parent: draftCategory);
        var siteWide = TestContent.Disclaimer("site-wide", PublicationStatus.Published, DisclaimerPlacement.SiteFooter);
        var draftSiteWide = TestContent.Disclaimer("draft-site-wide", PublicationStatus.Draft, DisclaimerPlacement.SiteFooter);
        siteWide.SiteWide = draftSiteWide.SiteWide = true;
        var visibleDisclaimer = TestContent.Disclaimer("visible-disclaimer", PublicationStatus.Published);
        var draftDisclaimer = TestContent.Disclaimer("draft-disclaimer", PublicationStatus.Draft);
        var live = TestContent.Article("live", PublicationStatus.Published, published);
        live.Disclaimers.AddRange([visibleDisclaimer, draftDisclaimer]);
        var draft = TestContent.Article("draft", PublicationStatus.Draft, published);
        var archived = TestContent.Article("archived", PublicationStatus.Archived, published);
        archived.PublishedAt = live.PublishedAt;
        var trashed = TestContent.Article("trashed", PublicationStatus.Trashed, published);
        var inDraftCategory = TestContent.Article("in-draft-category", PublicationStatus.Published, draftCategory);
        db.AddRange(live, draft, archived, trashed, inDraftCategory, underDraft, siteWide, draftSiteWide);
        db.Facts.AddRange(
            Fact("active", PublicationStatus.Published, null, null),
            Fact("draft-fact", PublicationStatus.Draft, null, null),
            Fact("expired", PublicationStatus.Published, null, DateTime.UtcNow.AddDays(-1)),
            Fact("future", PublicationStatus.Published, DateTime.UtcNow.AddDays(1), null));
        db.Promotions.AddRange(Promotion("live-promo", PublicationStatus.Published), Promotion("draft-promo", PublicationStatus.Draft));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableTheory]
    [InlineData("""{ article(slug: "draft") { title } }""")]
    [InlineData("""{ article(slug: "archived") { title } }""")]
    [InlineData("""{ category(slug: "draft-category") { name } }""")]
    public async Task Should_answer_null_for_a_draft_asked_by_slug(string query)
    {
        var data = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();

        Assert.Null(data.AsObject().Single().Value);
    }

    [SkippableFact]
    public async Task Should_show_editors_drafts_and_archived_items_but_not_the_trash()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var data = (await editor.PostQueryAsync("""
            {
              articles(first: 10) { totalCount edges { node { slug } } }
              draft: article(slug: "draft") { slug }
              trashed: article(slug: "trashed") { slug }
              category(slug: "published-category") { articles { slug } children { slug } }
              underDraft: category(slug: "under-draft") { parent { slug } }
              inDraftCategory: article(slug: "in-draft-category") { category { slug } }
              live: article(slug: "live") { disclaimers(placement: ARTICLE_FOOTER) { key } }
              facts { key }
            }
            """)).AssertData();

        Assert.Equal(["archived", "draft", "in-draft-category", "live"],
            data["articles"]!["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()).Order());
        Assert.Equal(4, data["articles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("draft", data["draft"]!["slug"]!.GetValue<string>());
        Assert.Null(data["trashed"]);
        Assert.Equal(["archived", "draft", "live"], Slugs(data["category"]!["articles"]!).Order());
        Assert.Equal(["draft-category"], Slugs(data["category"]!["children"]!));
        Assert.Equal("draft-category", data["underDraft"]!["parent"]!["slug"]!.GetValue<string>());
        Assert.Equal("draft-category", data["inDraftCategory"]!["category"]!["slug"]!.GetValue<string>());
        Assert.Equal(["draft-disclaimer", "visible-disclaimer"],
            data["live"]!["disclaimers"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()).Order());
        Assert.Equal(["active", "draft-fact"], data["facts"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_answer_null_for_a_draft_asked_by_id()
    {
        await using var db = _factory.CreateDbContext();
        var draftId = db.Articles.Single(a => a.Slug == "draft").Id;

        var data = (await _factory.CreateClient().PostQueryAsync($$"""{ article(id: "{{draftId}}") { title } }""")).AssertData();

        Assert.Null(data["article"]);
    }

    [SkippableFact]
    public async Task Should_list_only_published_articles()
    {
        var data = (await _factory.CreateClient().PostQueryAsync("{ articles { totalCount nodes: edges { node { slug } } } }")).AssertData();

        var slugs = data["articles"]!["nodes"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()).Order();
        Assert.Equal(["in-draft-category", "live"], slugs);
        Assert.Equal(2, data["articles"]!["totalCount"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Should_hide_drafts_in_every_relation()
    {
        var data = (await _factory.CreateClient().PostQueryAsync("""
            {
              category(slug: "published-category") { articles { slug } children { slug } }
              live: article(slug: "live") { disclaimers(placement: ARTICLE_FOOTER) { key } }
              orphan: article(slug: "in-draft-category") { category { slug } }
              categories { slug }
              underDraft: category(slug: "under-draft") { parent { slug } }
              disclaimers { key }
              filtered: articles(filter: { category: "draft-category" }) { totalCount edges { node { slug } } }
            }
            """)).AssertData();

        Assert.Equal(["live"], Slugs(data["category"]!["articles"]!));
        Assert.Empty(data["category"]!["children"]!.AsArray());
        Assert.Equal(["visible-disclaimer"], data["live"]!["disclaimers"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()));
        Assert.Null(data["orphan"]!["category"]);
        Assert.Equal(["published-category"], Slugs(data["categories"]!));
        Assert.Null(data["underDraft"]!["parent"]);
        Assert.Equal(["site-wide"], data["disclaimers"]!.AsArray().Select(d => d!["key"]!.GetValue<string>()));
        Assert.Equal(0, data["filtered"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(data["filtered"]!["edges"]!.AsArray());
    }

    [SkippableFact]
    public async Task Should_show_only_published_facts_inside_their_window()
    {
        var data = (await _factory.CreateClient().PostQueryAsync("{ facts { key } randomFact { key } }")).AssertData();

        Assert.Equal(["active"], data["facts"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));
        Assert.Equal("active", data["randomFact"]!["key"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_show_only_published_promotions()
    {
        var data = (await _factory.CreateClient().PostQueryAsync("{ promotions { key } }")).AssertData();

        Assert.Equal(["live-promo"], data["promotions"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()));
    }

    private static IEnumerable<string> Slugs(System.Text.Json.Nodes.JsonNode list) =>
        list.AsArray().Select(item => item!["slug"]!.GetValue<string>());

    private static Fact Fact(string key, PublicationStatus status, DateTime? from, DateTime? until) => new()
    {
        Key = key,
        Text = $"Text of {key}",
        Status = status,
        ActiveFrom = from,
        ActiveUntil = until,
    };

    private static Promotion Promotion(string key, PublicationStatus status) => new()
    {
        Key = key,
        Heading = $"Heading of {key}",
        Status = status,
    };

    public sealed class OnSqlite(EmptyContentHubFactory factory) : DraftVisibilityTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : DraftVisibilityTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
