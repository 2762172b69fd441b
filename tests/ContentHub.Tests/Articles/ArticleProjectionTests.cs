using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.People;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Articles;

/// <summary>
/// Article reads leave the body's columns and the citations out of the SQL when the selection shows neither body nor
/// citations (and the SEO texts, tags, hero image, call to action, review, schedule and timestamp columns when it does not show
/// them), read them whenever it does, however it selects them, and read of the body only the members it shows; every
/// field answers alone as it does when the whole row is read.
/// </summary>
public abstract class ArticleProjectionTests : IAsyncLifetime
{
    /// <summary>Every Article field a reader sees that needs no body or citations column.</summary>
    private const string LightFields = """
        id slug title summary status publishedAt version createdAt updatedAt readingTimeMinutes tags expiresAt expired
        heroImage { url alt } seo { title description } callToAction { text phoneNumber url } reviewer { name credentials }
        reviewedAt category { name }
        """;

    /// <summary>The fields only editors see.</summary>
    private const string EditorFields = """
        nextReviewDue reviewState reviewNote approvedContentHash approvedVersion publishScheduledAt unpublishScheduledAt reviewedBy { name }
        """;

    private const string HeavyFields = "body { markdown html text excerpt readingTimeMinutes outline { level text anchor } } citations { title url doi pubMedId }";

    /// <summary>The columns of the groups read only for the fields that show them: hero image, call to action, review, schedule, timestamps.</summary>
    private static readonly string[] s_smallGroupColumns =
    [
        "\"HeroImageUrl\"", "\"CallToActionText\"", "\"ReviewerName\"", "\"ReviewedAt\"", "\"NextReviewDue\"", "\"ReviewStatus\"",
        "\"ReviewNote\"", "\"ReviewerId\"", "\"ContentHash\"", "\"ApprovedContentHash\"", "\"ApprovedVersion\"",
        "\"PublishScheduledAt\"", "\"UnpublishScheduledAt\"", "\"ExpiresAt\"", "\"CreatedAt\"", "\"UpdatedAt\"",
    ];

    private static readonly string[] s_heavyColumns = ["\"BodyMarkdown\"", "\"BodyHtml\"", "\"BodyText\"", "\"BodyExcerpt\"", "\"BodyOutline\"", "\"Citations\""];

    private readonly EmptyContentHubFactory _factory;

    private ArticleProjectionTests(EmptyContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    /// <summary>Lists and look-ups of every kind, each selecting {0}: the fields under test.</summary>
    public static TheoryData<string> Reads() =>
    [
        "{ articles(first: 3) { edges { node { {0} } } } }",
        """{ searchArticles(query: "stenosis", first: 3) { edges { score snippet node { {0} } } } }""",
        """{ article(slug: "stenosis-1") { related(first: 3) { {0} } } }""",
        """{ categories { articles(first: 3) { {0} } } }""",
        """{ article(slug: "stenosis-1") { {0} } }""",
    ];

    /// <summary>Ways to select a heavy field in an article list: each must read the body columns.</summary>
    public static TheoryData<string> HeavySelections() =>
    [
        "{ articles(first: 2) { edges { node { slug body { html } } } } }",
        "{ articles(first: 2) { edges { node { slug shown: body { html } } } } }",
        "{ articles(first: 2) { edges { node { slug ...Text } } } } fragment Text on Article { title ...Deeper } fragment Deeper on Article { body { html } }",
        "{ articles(first: 2) { edges { ... on ArticleEdge { node { slug ... on Article { body { html } } } } } } }",
        "{ articles(first: 2) { ...Page } } fragment Page on ArticleConnection { edges { node { slug body { html } } } }",
        "{ articles(first: 2) { edges { node { slug } } } articles(first: 2) { edges { node { body { html } } } } }",
        "{ articles(first: 2) { edges { node { slug } } edges { node { body { html } } } } }",
        "{ articles(first: 2) { edges { node { slug citations { title } } } } }",
        """{ searchArticles(query: "stenosis", first: 2) { edges { node { slug body { html } } } } }""",
        """{ categories { articles(first: 2) { slug body { html } } } }""",
        """{ article(slug: "stenosis-1") { related(first: 2) { slug body { html } } } }""",
        """{ article(slug: "stenosis-1") { slug body { html } } }""",
    ];

    public async Task InitializeAsync()
    {
        await using var db = _factory.CreateDbContext();
        if (await db.Articles.AnyAsync())
        {
            return;
        }

        var spine = TestContent.Category("spine", PublicationStatus.Published);
        var reviewer = new Person { Slug = "dr-reviewer", Name = "Dr Reviewer", Status = PublicationStatus.Published, PublishedAt = DateTime.UnixEpoch };
        for (var i = 1; i <= 4; i++)
        {
            var article = TestContent.Article($"stenosis-{i}", PublicationStatus.Published, spine, minutesAfter: i);
            article.Body = MarkdownRenderer.Render($"# Spinal stenosis {i}\n\nNarrowing of the canal, part {i}.\n\n## Treatment\n\nWalking helps.");
            article.Summary = $"Summary {i}";
            article.Tags = ["stenosis", $"tag-{i % 2}"];
            article.HeroImage = new Image { Url = $"https://example.org/{i}.jpg", Alt = $"Picture {i}" };
            article.Seo = new Seo { Title = $"Seo {i}", Description = $"Described {i}" };
            article.CallToAction = new CallToAction { Text = "Call us", PhoneNumber = "+1 555 0100", Url = "https://example.org/call" };
            article.Reviewer = new Reviewer { Name = "Dr Reviewer", Credentials = "MD" };
            article.ReviewedAt = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
            article.NextReviewDue = new DateTime(2025, 4, i, 0, 0, 0, DateTimeKind.Utc);
            article.ReviewStatus = ArticleReviewState.Approved;
            article.ReviewNote = $"Checked {i}";
            article.ContentHash = new string('a', 64);
            article.ApprovedContentHash = new string(i % 2 == 0 ? 'a' : 'b', 64); // odd ones changed since their approval
            article.ApprovedVersion = i;
            article.UnpublishScheduledAt = new DateTime(2098, 1, i, 0, 0, 0, DateTimeKind.Utc);
            article.ExpiresAt = new DateTime(i == 1 ? 2020 : 2099, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            article.Citations = [new Citation { Title = $"Study {i}", Url = "https://example.org/study", Doi = "10.1000/1", PubMedId = "123" }];
            db.Articles.Add(article);
        }

        var scheduled = TestContent.Article("stenosis-scheduled", PublicationStatus.Draft, spine);
        scheduled.PublishScheduledAt = new DateTime(2097, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        db.Articles.Add(scheduled);
        db.People.Add(reviewer);
        await db.SaveChangesAsync();
        await db.Articles.ExecuteUpdateAsync(set => set.SetProperty(a => a.ReviewerId, reviewer.Id));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableTheory]
    [MemberData(nameof(Reads))]
    public async Task Should_read_no_body_or_citations_where_the_selection_shows_neither(string read)
        => await AssertReadsNoneOfAsync(s_heavyColumns, read.Replace("{0}", LightFields, StringComparison.Ordinal));

    [SkippableTheory]
    [MemberData(nameof(HeavySelections))]
    public async Task Should_read_the_body_however_the_selection_shows_it(string query)
    {
        var (data, articleReads) = await QueryAsync("query Heavy " + query);

        var column = query.Contains("citations", StringComparison.Ordinal) ? "\"Citations\"" : "\"BodyHtml\"";
        Assert.Contains(articleReads, sql => sql.Contains(column, StringComparison.Ordinal));
        var bodies = Nodes(data).Select(n => n["body"] ?? n["shown"]).Where(b => b is not null).ToList();
        var citations = Nodes(data).Select(n => n["citations"]).Where(c => c is not null).ToList();
        Assert.NotEmpty(bodies.Concat(citations));
        Assert.All(bodies, body => Assert.StartsWith("<h1", body!["html"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(citations, list => Assert.Single(list!.AsArray()));
    }

    [SkippableTheory]
    [InlineData("html", "BodyHtml")]
    [InlineData("markdown", "BodyMarkdown")]
    [InlineData("text", "BodyText")]
    [InlineData("excerpt", "BodyExcerpt")]
    [InlineData("outline { level text anchor }", "BodyOutline")]
    public async Task Should_read_of_the_body_only_the_member_the_selection_shows(string member, string column)
    {
        foreach (string read in Reads())
        {
            var (one, articleReads) = await QueryAsync("query One " + read.Replace("{0}", $"slug body {{ {member} }}", StringComparison.Ordinal));
            var (all, _) = await QueryAsync("query All " + read.Replace("{0}", "slug " + HeavyFields, StringComparison.Ordinal));

            Assert.NotEmpty(articleReads);
            Assert.All(articleReads, sql => Assert.Equal([$"\"{column}\""], s_heavyColumns.Where(c => sql.Contains(c, StringComparison.Ordinal))));
            var name = member.Split(' ')[0];
            Assert.Equal(
                Nodes(all).Select(node => node["body"]![name]!.ToJsonString()),
                Nodes(one).Select(node => node["body"]![name]!.ToJsonString()));
        }
    }

    [SkippableTheory]
    [InlineData("{ articles(first: 2) { edges { node { slug } } } }", false, false)]
    [InlineData("{ articles(first: 2) { edges { node { slug ...Seo } } } } fragment Seo on Article { seo { title } }", true, false)]
    [InlineData("{ articles(first: 2) { edges { node { slug labels: tags } } } }", false, true)]
    [InlineData("{ articles(first: 2) { edges { node { slug related(first: 1) { slug } } } } }", false, true)]
    [InlineData("""{ categories { articles(first: 2) { ... on Article { slug seo { description } tags } } } }""", true, true)]
    public async Task Should_read_seo_texts_and_tags_only_where_the_selection_shows_them(string query, bool seo, bool tags)
    {
        var (_, articleReads) = await QueryAsync("query Small " + query);

        var page = articleReads[0];
        Assert.DoesNotContain("\"BodyExcerpt\"", page, StringComparison.Ordinal);
        Assert.Equal(seo, page.Contains("\"SeoTitle\"", StringComparison.Ordinal));
        Assert.Equal(tags, page.Contains("\"Tags\"", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Reads))]
    public async Task Should_answer_the_same_whether_or_not_the_full_rows_are_read(string read)
    {
        var (full, _) = await QueryAsync("query Full " + read.Replace("{0}", HeavyFields + " " + LightFields, StringComparison.Ordinal));
        var (light, _) = await QueryAsync("query Same " + read.Replace("{0}", LightFields, StringComparison.Ordinal));

        foreach (var node in Nodes(full))
        {
            Assert.NotEmpty(node["body"]!["markdown"]!.GetValue<string>());
            Assert.NotEmpty(node["body"]!["outline"]!.AsArray());
            node.Remove("body");
            node.Remove("citations");
        }

        Assert.Equal(full.ToJsonString(), light.ToJsonString());
    }

    [SkippableTheory]
    [MemberData(nameof(Reads))]
    public async Task Should_read_no_image_call_to_action_review_schedule_or_timestamp_column_where_the_selection_shows_none(string read)
        => await AssertReadsNoneOfAsync(s_smallGroupColumns, read.Replace("{0}", "slug title summary publishedAt category { name }", StringComparison.Ordinal));

    [SkippableTheory]
    [MemberData(nameof(Reads))]
    public async Task Should_answer_each_field_alone_as_when_the_whole_row_is_read(string read)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var fields = (LightFields + " " + EditorFields + " structuredData").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var all = await AnswerAsync(editor, read.Replace("{0}", HeavyFields + " " + LightFields + " " + EditorFields + " structuredData", StringComparison.Ordinal));
        Assert.Contains(all, node => node["reviewedBy"] is JsonObject);
        Assert.Contains(all, node => node["unpublishScheduledAt"] is not null);

        // Each top-level field with its sub-selection: "heroImage { url alt }" is one field.
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var name = field;
            if (i + 1 < fields.Length && fields[i + 1] == "{")
            {
                var close = Array.IndexOf(fields, "}", i);
                field = string.Join(' ', fields[i..(close + 1)]);
                i = close;
            }

            var alone = await AnswerAsync(editor, read.Replace("{0}", "slug " + field, StringComparison.Ordinal));
            Assert.Equal(
                all.Select(node => $"{node["slug"]}: {node[name]?.ToJsonString()}"),
                alone.Select(node => $"{node["slug"]}: {node[name]?.ToJsonString()}"));
        }
    }

    [SkippableFact]
    public async Task Should_read_the_scheduled_publication_of_a_draft_when_selected()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var data = (await editor.PostQueryAsync("""{ article(slug: "stenosis-scheduled") { publishScheduledAt } }""")).AssertData();

        Assert.Equal("2097-01-01T00:00:00Z", data["article"]!["publishScheduledAt"]!.GetValue<string>());
    }

    /// <summary>Runs <paramref name="query"/>, which shows articles, and checks that no SQL reading them names any of <paramref name="columns"/>.</summary>
    private async Task AssertReadsNoneOfAsync(string[] columns, string query)
    {
        var (data, articleReads) = await QueryAsync("query Some " + query);

        Assert.NotEmpty(Nodes(data));
        Assert.NotEmpty(articleReads);
        Assert.All(articleReads, sql => Assert.DoesNotContain(columns, column => sql.Contains(column, StringComparison.Ordinal)));
    }

    private static async Task<List<JsonObject>> AnswerAsync(HttpClient client, string query) =>
        Nodes((await client.PostQueryAsync(query)).AssertData());

    /// <summary>The answer's data, and the SQL of the commands that read article rows.</summary>
    private async Task<(JsonNode Data, List<string> ArticleReads)> QueryAsync(string query)
    {
        _factory.SqlCommands.Reset();
        var data = (await _factory.CreateClient().PostQueryAsync(query)).AssertData();
        var reads = _factory.SqlCommands.Commands.Select(c => c.Sql)
            .Where(sql => sql.Contains("\"Articles\"", StringComparison.Ordinal) && sql.Contains("\"Slug\"", StringComparison.Ordinal))
            .ToList();
        return (data, reads);
    }

    /// <summary>Every JSON object in the answer that has a slug: the articles it shows.</summary>
    private static List<JsonObject> Nodes(JsonNode? node)
    {
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        return [.. node is JsonObject article && article.ContainsKey("slug") ? [article] : Array.Empty<JsonObject>(), .. children.SelectMany(Nodes)];
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : ArticleProjectionTests(factory), IClassFixture<EmptyContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : ArticleProjectionTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>;
}
