using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ContentMutations;

namespace ContentHub.Tests.Content;

/// <summary>
/// The categories, disclaimers, facts and site settings anonymous readers get from memory: a write shows on the very
/// next read, with the response cache on and off, and drafts never show to them (but do to editors).
/// </summary>
public abstract class ReferenceDataFreshnessTests
{
    private readonly ContentHubFactory _factory;
    private readonly HttpClient _anonymous;

    private ReferenceDataFreshnessTests(ContentHubFactory factory)
    {
        _factory = factory;
        _anonymous = factory.CreateClient();
    }

    [Fact]
    public async Task Should_show_a_published_then_renamed_category_on_the_next_read()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var slug = Unique("fresh-category");
        var before = await CategoryNamesAsync(slug);

        var category = await CreatePublishedAsync(editor, "Category", new { slug, name = "First name" });
        var published = await CategoryNamesAsync(slug);
        await MutateAsync(editor, "Category", "updateCategory", category, new { name = "Second name" });
        var renamed = await CategoryNamesAsync(slug);

        Assert.Equal((null, null), before);
        Assert.Equal(("First name", "First name"), published);
        Assert.Equal(("Second name", "Second name"), renamed);
    }

    [Fact]
    public async Task Should_show_a_published_sub_category_under_its_parent_and_in_a_category_filter()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var parent = Unique("fresh-parent");
        await CreatePublishedAsync(editor, "Category", new { slug = parent, name = "Parent" });
        var child = Unique("fresh-child");
        await ChildrenOfAsync(parent);

        await CreatePublishedAsync(editor, "Category", new { slug = child, name = "Child", parent });
        await CreatePublishedAsync(editor, "Article", new { title = "Filed below", slug = Unique("filed-below"), body = "Text.", category = child });

        Assert.Equal([child], await ChildrenOfAsync(parent));
        var filtered = (await _anonymous.PostQueryAsync(
            "query($category: String!) { articles(filter: { category: $category }) { edges { node { category { slug parent { slug } } } } } }",
            new { category = parent })).AssertData()["articles"]!["edges"]!.AsArray();
        Assert.Equal(child, Assert.Single(filtered)!["node"]!["category"]!["slug"]!.GetValue<string>());
        Assert.Equal(parent, filtered[0]!["node"]!["category"]!["parent"]!["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_never_show_a_draft_category_to_anonymous_readers_even_on_its_articles_but_show_it_to_editors()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var parent = Unique("draft-parent");
        await CreatePublishedAsync(editor, "Category", new { slug = parent, name = "Parent" });
        var draft = Unique("draft-child");
        var query = $$"""{ category(slug: "{{draft}}") { slug } parent: category(slug: "{{parent}}") { children { slug } } categories { slug } }""";
        await _anonymous.PostQueryAsync(query);

        var created = (await editor.PostQueryAsync(
            "mutation($input: CategoryInput!) { createCategory(input: $input) { errors { code } } }",
            new { input = new { slug = draft, name = "Draft", parent } })).AssertData();
        var article = Unique("filed-under-draft");
        await CreatePublishedAsync(editor, "Article", new { title = "Filed under a draft", slug = article, body = "Text.", category = draft });
        var articleQuery = $$"""{ article(slug: "{{article}}") { category { slug parent { slug } } } }""";
        var anonymous = (await _anonymous.PostQueryAsync(query)).AssertData();
        var asEditor = (await editor.PostQueryAsync(query)).AssertData();
        var anonymousArticle = (await _anonymous.PostQueryAsync(articleQuery)).AssertData()["article"]!;
        var editorsArticle = (await editor.PostQueryAsync(articleQuery)).AssertData()["article"]!;

        Assert.Empty(created["createCategory"]!["errors"]!.AsArray());
        Assert.Null(anonymousArticle["category"]);
        Assert.Equal(draft, editorsArticle["category"]!["slug"]!.GetValue<string>());
        Assert.Equal(parent, editorsArticle["category"]!["parent"]!["slug"]!.GetValue<string>());
        Assert.Null(anonymous["category"]);
        Assert.Empty(anonymous["parent"]!["children"]!.AsArray());
        Assert.Equal(draft, asEditor["category"]!["slug"]!.GetValue<string>());
        Assert.Equal([draft], asEditor["parent"]!["children"]!.AsArray().Select(c => c!["slug"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_show_a_changed_site_wide_disclaimer_on_every_article_and_page_at_the_next_read()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var key = Unique("fresh-disclaimer");
        var article = Unique("disclaimed");
        await CreatePublishedAsync(editor, "Article", new { title = "Disclaimed", slug = article, body = "Text." });
        var query = $$"""{ disclaimers(placement: FOOTNOTE) { key body { markdown } } article(slug: "{{article}}") { disclaimers(placement: FOOTNOTE) { key body { markdown } } } }""";
        await _anonymous.PostQueryAsync(query);

        var disclaimer = await CreatePublishedAsync(editor, "Disclaimer", new { key, title = "Fresh", body = "Version one.", placement = "FOOTNOTE", siteWide = true });
        var first = (await _anonymous.PostQueryAsync(query)).AssertData();
        await MutateAsync(editor, "Disclaimer", "updateDisclaimer", disclaimer, new { body = "Version two." });
        var second = (await _anonymous.PostQueryAsync(query)).AssertData();

        Assert.Equal("Version one.", BodyOf(first["disclaimers"]!, key));
        Assert.Equal("Version one.", BodyOf(first["article"]!["disclaimers"]!, key));
        Assert.Equal("Version two.", BodyOf(second["disclaimers"]!, key));
        Assert.Equal("Version two.", BodyOf(second["article"]!["disclaimers"]!, key));
    }

    [Fact]
    public async Task Should_show_an_added_fact_on_the_next_read()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var tag = Unique("fresh-tag");
        var query = $$"""{ facts(tag: "{{tag}}") { key } randomFact(tag: "{{tag}}") { key } }""";
        var before = (await _anonymous.PostQueryAsync(query)).AssertData();

        var key = Unique("fresh-fact");
        await CreatePublishedAsync(editor, "Fact", new { key, text = "Fresh.", tags = new[] { tag } });
        var after = (await _anonymous.PostQueryAsync(query)).AssertData();

        Assert.Empty(before["facts"]!.AsArray());
        Assert.Equal([key], after["facts"]!.AsArray().Select(f => f!["key"]!.GetValue<string>()));
        Assert.Equal(key, after["randomFact"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_show_imported_site_settings_on_the_next_read()
    {
        const string query = "query Tagline { site { tagline } }";
        var before = (await _anonymous.PostQueryAsync(query)).AssertData()["site"]!["tagline"]!.GetValue<string>();
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        var tagline = Unique("Imported tagline");
        folder.Write("site.yaml", folder.Read("site.yaml").Replace(before, tagline, StringComparison.Ordinal));

        var (_, errors) = await _factory.Services.GetRequiredService<SeedRunner>().RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal(tagline, (await _anonymous.PostQueryAsync(query)).AssertData()["site"]!["tagline"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_read_the_reference_data_once_for_many_readers_at_once_after_a_write()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var slug = Unique("many-readers");
        await CreatePublishedAsync(editor, "Category", new { slug, name = "Many readers" });
        _factory.SqlCommands.Reset();

        // Twenty different documents: the response cache cannot make them one run.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _factory.CreateClient().PostQueryAsync($"query ManyReaders{i} {{ categories {{ slug }} }}")));

        Assert.All(answers, answer => Assert.Contains(slug, answer.AssertData().ToJsonString(), StringComparison.Ordinal));
        Assert.Equal(1, _factory.SqlCommands.Commands.Count(command => command.Sql.Contains("FROM \"Categories\"", StringComparison.Ordinal)));
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private static string? BodyOf(JsonNode disclaimers, string key) =>
        disclaimers.AsArray().SingleOrDefault(d => d!["key"]!.GetValue<string>() == key)?["body"]!["markdown"]!.GetValue<string>().Trim();

    /// <summary>The category's name as <c>category(slug)</c> and the <c>categories</c> tree show it; null where they do not.</summary>
    private async Task<(string?, string?)> CategoryNamesAsync(string slug)
    {
        var data = (await _anonymous.PostQueryAsync(
            "query($slug: String!) { category(slug: $slug) { name } categories { slug name } }", new { slug })).AssertData();
        return (data["category"]?["name"]?.GetValue<string>(),
            data["categories"]!.AsArray().SingleOrDefault(c => c!["slug"]!.GetValue<string>() == slug)?["name"]!.GetValue<string>());
    }

    private async Task<List<string>> ChildrenOfAsync(string slug) =>
        (await _anonymous.PostQueryAsync("query($slug: String!) { category(slug: $slug) { children { slug } } }", new { slug }))
            .AssertData()["category"]!["children"]!.AsArray().Select(c => c!["slug"]!.GetValue<string>()).ToList();

    /// <summary>A seeded server that keeps no responses: every read computes its answer.</summary>
    public sealed class UncachedContentHubFactory() : ContentHubFactory(("GraphQL:ResponseCache:Enabled", "false"));

    public sealed class WithResponseCache(ContentHubFactory factory) : ReferenceDataFreshnessTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class WithoutResponseCache(UncachedContentHubFactory factory) : ReferenceDataFreshnessTests(factory), IClassFixture<UncachedContentHubFactory>;
}
