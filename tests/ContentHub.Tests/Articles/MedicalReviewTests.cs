using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Articles;

/// <summary>An article's citations, edited and validated, and articles listed by review date (the review itself: ReviewWorkflowTests).</summary>
public abstract class MedicalReviewTests
{
    private const string Create =
        "mutation($input: ArticleInput!) { createArticle(input: $input) { article { id } errors { field code message } } }";

    private const string DueForReview =
        "query($filter: ArticleFilter) { articles(first: 50, filter: $filter) { edges { node { slug nextReviewDue } } } }";

    private readonly ContentHubFactory _factory;

    private MedicalReviewTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_keep_the_citations_an_editor_gives()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new
        {
            title = "Reviewed sciatica guide",
            body = "Sciatica is pain along the sciatic nerve.",
            citations = new object[]
            {
                new { title = "Sciatica: diagnosis and management", url = "https://www.bmj.com/content/367/bmj.l6273", doi = "10.1136/bmj.l6273", pubMedId = "31801734" },
                new { title = "Low back pain and sciatica in over 16s", url = "https://www.nice.org.uk/guidance/ng59" },
            },
        });

        var read = (await editor.PostQueryAsync($$"""
            { article(id: "{{article["id"]}}") { citations { title url doi pubMedId } } }
            """)).AssertData()["article"]!;

        var citations = read["citations"]!.AsArray();
        Assert.Equal(2, citations.Count);
        Assert.Equal(("10.1136/bmj.l6273", "31801734"), (citations[0]!["doi"]!.GetValue<string>(), citations[0]!["pubMedId"]!.GetValue<string>()));
        Assert.Equal("https://www.nice.org.uk/guidance/ng59", citations[1]!["url"]!.GetValue<string>());
        Assert.Null(citations[1]!["doi"]);
    }

    [SkippableFact]
    public async Task Should_refuse_malformed_citations()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var payload = (await editor.PostQueryAsync(Create, new
        {
            input = new
            {
                title = "Badly sourced",
                body = "Claims.",
                citations = new object[]
                {
                    new { title = "", url = "ftp://example.org/paper" },
                    new { title = "A paper", url = "https://example.org", doi = "11.1/x", pubMedId = "12a" },
                },
            },
        })).AssertData()["createArticle"]!;

        var errors = payload["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [
                ("citations[0].title", "REQUIRED"), ("citations[0].url", "INVALID_URL"),
                ("citations[1].doi", "INVALID_VALUE"), ("citations[1].pubMedId", "INVALID_VALUE"),
            ],
            errors);
        Assert.Null(payload["article"]);
    }

    [SkippableFact]
    public async Task Should_list_articles_due_for_review_before_a_date_for_editors_only()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await CreateAsync(editor, new { title = "Due soon", body = "1", tags = new[] { "review-due" } });
        await CreateAsync(editor, new { title = "Due later", body = "2", tags = new[] { "review-due" } });
        await CreateAsync(editor, new { title = "Never reviewed", body = "3", tags = new[] { "review-due" } });
        await using (var db = _factory.CreateDbContext())
        {
            // The due dates approvals leave (approveArticle: ReviewWorkflowTests).
            await db.Articles.Where(a => a.Slug == "due-soon").ExecuteUpdateAsync(set => set.SetProperty(a => a.NextReviewDue, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            await db.Articles.Where(a => a.Slug == "due-later").ExecuteUpdateAsync(set => set.SetProperty(a => a.NextReviewDue, new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        var due = (await editor.PostQueryAsync(DueForReview, new { filter = new { tag = "review-due", reviewDueBefore = "2030-06-01T00:00:00Z" } }))
            .AssertData()["articles"]!["edges"]!.AsArray();
        var anonymous = await _factory.CreateClient().PostQueryAsync(DueForReview, new { filter = new { reviewDueBefore = "2030-06-01T00:00:00Z" } });

        Assert.Equal(["due-soon"], due.Select(e => e!["node"]!["slug"]!.GetValue<string>()));
        Assert.Equal("FORBIDDEN", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(anonymous.Data?["articles"]);
    }

    public sealed class OnSqlite(ContentHubFactory factory) : MedicalReviewTests(factory), IClassFixture<ContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlContentHubFactory factory) : MedicalReviewTests(factory), IClassFixture<PostgreSqlContentHubFactory>;
}
