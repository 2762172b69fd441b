using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Articles;

/// <summary>An article's medical review (reviewer, dates) and citations: edited, validated and listed by review date.</summary>
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
    public async Task Should_keep_the_reviewer_review_dates_and_citations_an_editor_gives()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new
        {
            title = "Reviewed sciatica guide",
            body = "Sciatica is pain along the sciatic nerve.",
            reviewer = new { name = "Dr. Ana Ruiz", credentials = "MD, board-certified neurologist" },
            reviewedAt = "2026-03-01T00:00:00Z",
            nextReviewDue = "2027-03-01T00:00:00Z",
            citations = new object[]
            {
                new { title = "Sciatica: diagnosis and management", url = "https://www.bmj.com/content/367/bmj.l6273", doi = "10.1136/bmj.l6273", pubMedId = "31801734" },
                new { title = "Low back pain and sciatica in over 16s", url = "https://www.nice.org.uk/guidance/ng59" },
            },
        });

        var read = (await editor.PostQueryAsync($$"""
            { article(id: "{{article["id"]}}") { reviewer { name credentials } reviewedAt nextReviewDue citations { title url doi pubMedId } } }
            """)).AssertData()["article"]!;

        Assert.Equal("Dr. Ana Ruiz", read["reviewer"]!["name"]!.GetValue<string>());
        Assert.Equal("MD, board-certified neurologist", read["reviewer"]!["credentials"]!.GetValue<string>());
        Assert.Equal(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc), read["nextReviewDue"]!.GetValue<DateTime>().ToUniversalTime());
        var citations = read["citations"]!.AsArray();
        Assert.Equal(2, citations.Count);
        Assert.Equal(("10.1136/bmj.l6273", "31801734"), (citations[0]!["doi"]!.GetValue<string>(), citations[0]!["pubMedId"]!.GetValue<string>()));
        Assert.Equal("https://www.nice.org.uk/guidance/ng59", citations[1]!["url"]!.GetValue<string>());
        Assert.Null(citations[1]!["doi"]);
    }

    [SkippableFact]
    public async Task Should_refuse_malformed_citations_and_a_next_review_before_the_last()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        var payload = (await editor.PostQueryAsync(Create, new
        {
            input = new
            {
                title = "Badly sourced",
                body = "Claims.",
                reviewer = new { name = "" },
                reviewedAt = "2026-05-01T00:00:00Z",
                nextReviewDue = "2026-04-01T00:00:00Z",
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
                ("reviewer.name", "REQUIRED"), ("nextReviewDue", "INVALID_VALUE"),
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
        await CreateAsync(editor, new { title = "Due soon", body = "1", tags = new[] { "review-due" }, nextReviewDue = "2030-01-01T00:00:00Z" });
        await CreateAsync(editor, new { title = "Due later", body = "2", tags = new[] { "review-due" }, nextReviewDue = "2031-01-01T00:00:00Z" });
        await CreateAsync(editor, new { title = "Never reviewed", body = "3", tags = new[] { "review-due" } });

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
