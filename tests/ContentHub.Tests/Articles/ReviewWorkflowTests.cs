using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Editing;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;
using static ContentHub.Tests.Support.PersonMutations;

namespace ContentHub.Tests.Articles;

/// <summary>
/// The medical review workflow: writers ask, a reviewer approves exactly the content as it stands (signed by the person
/// behind the key), any change to it voids the approval, and nothing — publish, bulk, scheduler, seed — puts unapproved
/// content live in a category that requires review. Four eyes unless configured otherwise.
/// </summary>
public abstract class ReviewWorkflowTests
{
    private const string Review =
        "version reviewState reviewNote reviewer { name credentials } reviewedBy { slug } reviewedAt nextReviewDue approvedContentHash approvedVersion";

    private readonly FakeClockContentHubFactory _factory;

    private ReviewWorkflowTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_publish_only_approved_content_recording_the_reviewer_from_the_key_the_time_and_the_content_hash()
    {
        var team = await TeamAsync("hash");
        var article = await CreateAsync(team.Writer, new { title = "Hash Sciatica", body = "Sciatica is *nerve* pain.", category = team.Category,
            citations = new[] { new { title = "NICE NG59", url = "https://www.nice.org.uk/guidance/ng59" } } });

        var refused = await MutateAsync(team.Publisher, "publishArticle", article, expectErrors: true);
        var requested = await MutateAsync(team.Writer, "requestReview", article);
        var inReview = await ReviewOfAsync(team.Writer, article);
        await MutateAsync(team.Reviewer, "approveArticle", requested["article"]!, extra: "note: \"Dosages checked against NG59.\"");
        var approved = await ReviewOfAsync(team.Writer, article);
        var published = await MutateAsync(team.Publisher, "publishArticle", Current(approved, article));

        Assert.Equal("REVIEW_REQUIRED", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("IN_REVIEW", inReview["reviewState"]!.GetValue<string>());
        Assert.Equal("APPROVED", approved["reviewState"]!.GetValue<string>());
        Assert.Equal("Dosages checked against NG59.", approved["reviewNote"]!.GetValue<string>());
        Assert.Equal(("Ana Hash", "MD, neurologist"), (approved["reviewer"]!["name"]!.GetValue<string>(), approved["reviewer"]!["credentials"]!.GetValue<string>()));
        Assert.Equal("ana-hash", approved["reviewedBy"]!["slug"]!.GetValue<string>());
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now, approved["reviewedAt"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(now.AddDays(180), approved["nextReviewDue"]!.GetValue<DateTime>().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(approved["version"]!.GetValue<int>(), approved["approvedVersion"]!.GetValue<int>());
        Assert.Equal(Sha256("""{"title":"Hash Sciatica","summary":null,"body":"Sciatica is *nerve* pain.","citations":[{"title":"NICE NG59","url":"https://www.nice.org.uk/guidance/ng59","doi":null,"pubMedId":null}],"disclaimers":[]}"""),
            approved["approvedContentHash"]!.GetValue<string>());
        Assert.Equal("PUBLISHED", published["article"]!["status"]!.GetValue<string>());
        var revisions = (await team.Writer.PostQueryAsync($$"""{ articleRevisions(id: "{{article["id"]}}") { actor operation changedFields } }""")).AssertData()["articleRevisions"]!.AsArray();
        Assert.Equal(("Reviewer hash", "approve", "review"), (revisions[1]!["actor"]!.GetValue<string>(), revisions[1]!["operation"]!.GetValue<string>(), revisions[1]!["changedFields"]![0]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_void_the_approval_when_reviewed_content_changes_but_not_when_other_fields_do()
    {
        var team = await TeamAsync("void");
        var article = await ApprovedArticleAsync(team, "Void Guide");
        var retagged = await MutateAsync(team.Writer, "updateArticle", article, new { tags = new[] { "void-tag" } });
        var stillApproved = await ReviewOfAsync(team.Writer, article);
        var edited = await MutateAsync(team.Writer, "updateArticle", retagged["article"]!, new { body = "Changed after approval." });
        var voided = await ReviewOfAsync(team.Writer, article);
        var bulk = (await team.Publisher.PostQueryAsync(
            "mutation($items: [ItemVersionInput!]!) { publishArticles(items: $items) { errors { field code } } }",
            new { items = new[] { new { id = article["id"]!.GetValue<string>(), version = edited["article"]!["version"]!.GetValue<int>() } } })).AssertData()["publishArticles"]!;
        var single = await MutateAsync(team.Publisher, "publishArticle", edited["article"]!, expectErrors: true);

        Assert.Equal("APPROVED", stillApproved["reviewState"]!.GetValue<string>());
        Assert.Equal("NOT_REVIEWED", voided["reviewState"]!.GetValue<string>());
        Assert.Equal("REVIEW_REQUIRED", bulk["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("REVIEW_REQUIRED", single["errors"]![0]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_keep_live_content_approved_refusing_unapproved_changes_and_writers_changes_to_live_items()
    {
        var team = await TeamAsync("live");
        var article = await ApprovedArticleAsync(team, "Live Guide");
        var live = (await MutateAsync(team.Publisher, "publishArticle", article))["article"]!;
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor, "Editor live");

        var byWriter = await MutateAsync(team.Writer, "updateArticle", live, new { seo = new { title = "Live" } }, expectErrors: true);
        var unapproved = await MutateAsync(editor, "updateArticle", live, new { body = "Unreviewed advice." }, expectErrors: true);
        var seo = await MutateAsync(editor, "updateArticle", live, new { seo = new { title = "Live guide to back pain" } });

        Assert.Equal("FORBIDDEN", byWriter["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("REVIEW_REQUIRED", unapproved["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("PUBLISHED", seo["article"]!["status"]!.GetValue<string>());
        Assert.Equal("Reviewed text.", (await _factory.CreateClient().PostQueryAsync("""{ article(slug: "live-guide") { body { markdown } } }"""))
            .AssertData()["article"]!["body"]!["markdown"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_not_let_a_reviewer_approve_their_own_change_unless_the_server_allows_it()
    {
        var team = await TeamAsync("eyes");
        var anaWriting = await _factory.CreateClientAsync(ApiKeyRole.Writer, "Ana writing eyes", person: "ana-eyes");
        var article = await CreateAsync(team.Writer, new { title = "Eyes Guide", body = "Draft.", category = team.Category });
        var changed = await MutateAsync(anaWriting, "updateArticle", article, new { body = "Ana's own wording." });
        var requested = (await MutateAsync(team.Writer, "requestReview", changed["article"]!))["article"]!;

        var own = await MutateAsync(team.Reviewer, "approveArticle", requested, expectErrors: true);
        await using var lenient = new FakeClockNode(_factory, ("Review:AllowSelfApproval", "true"));
        var lenientReviewer = await lenient.CreateClientAsync(ApiKeyRole.MedicalReviewer, "Ana lenient eyes", person: "ana-eyes");
        var allowed = await MutateAsync(lenientReviewer, "approveArticle", requested);

        Assert.Equal("SELF_APPROVAL", own["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("APPROVED", (await ReviewOfAsync(team.Writer, article))["reviewState"]!.GetValue<string>());
        Assert.Empty(allowed["errors"]!.AsArray());
    }

    [SkippableFact]
    public async Task Should_refuse_a_scheduled_publication_of_an_unapproved_change_once_and_record_it()
    {
        var team = await TeamAsync("sched");
        var article = await ApprovedArticleAsync(team, "Sched Guide");
        var scheduled = (await team.Publisher.PostQueryAsync(
            "mutation($id: ID!, $version: Int!, $at: DateTime) { scheduleArticle(id: $id, version: $version, publishAt: $at) { article { version } errors { code } } }",
            new { id = article["id"]!.GetValue<string>(), version = article["version"]!.GetValue<int>(), at = _factory.Clock.GetUtcNow().AddHours(1) })).AssertData()["scheduleArticle"]!;
        await MutateAsync(team.Writer, "updateArticle", Current(scheduled["article"]!, article), new { title = "Sched Guide, unreviewed" });

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        await RunSchedulerAsync();
        await RunSchedulerAsync();

        var state = (await team.Writer.PostQueryAsync($$"""{ article(id: "{{article["id"]}}") { status publishScheduledAt } }""")).AssertData()["article"]!;
        Assert.Equal("DRAFT", state["status"]!.GetValue<string>());
        Assert.Null(state["publishScheduledAt"]);
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, "Admin sched");
        var log = (await admin.PostQueryAsync($$"""{ auditLog(actor: "scheduler", targetType: "Article", targetId: "{{article["id"]}}") { operation outcome } }""")).AssertData()["auditLog"]!.AsArray();
        Assert.Equal([("publishArticle", "REVIEW_REQUIRED")], log.Select(e => (e!["operation"]!.GetValue<string>(), e["outcome"]!.GetValue<string>())).Where(e => e.Item1 == "publishArticle"));
    }

    [SkippableFact]
    public async Task Should_send_back_with_a_note_refuse_typed_review_fields_and_unsigned_approvals()
    {
        var team = await TeamAsync("back");
        var article = await CreateAsync(team.Writer, new { title = "Back Guide", body = "Draft.", category = team.Category });
        var requested = (await MutateAsync(team.Writer, "requestReview", article))["article"]!;
        var noNote = (await team.Reviewer.PostQueryAsync(
            "mutation($id: ID!, $version: Int!) { rejectArticle(id: $id, version: $version, note: \" \") { errors { field code } } }",
            new { id = article["id"]!.GetValue<string>(), version = requested["version"]!.GetValue<int>() })).AssertData()["rejectArticle"]!;
        var rejected = await MutateAsync(team.Reviewer, "rejectArticle", requested, extra: "note: \"Cite the dosage source.\"");
        var sentBack = await ReviewOfAsync(team.Writer, article);
        var again = (await MutateAsync(team.Writer, "requestReview", rejected["article"]!))["article"]!;
        var unsigned = await MutateAsync(await _factory.CreateClientAsync(ApiKeyRole.MedicalReviewer, "Nobody back"), "approveArticle", again, expectErrors: true);
        var typed = (await team.Writer.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { article { id } errors { field code } } }",
            new { input = new { title = "Typed Guide", body = "Text.", reviewer = new { name = "Dr. Typed" }, reviewedAt = "2026-01-01T00:00:00Z" } })).AssertData()["createArticle"]!;

        Assert.Equal(("note", "REQUIRED"), (noNote["errors"]![0]!["field"]!.GetValue<string>(), noNote["errors"]![0]!["code"]!.GetValue<string>()));
        Assert.Equal("CHANGES_REQUESTED", sentBack["reviewState"]!.GetValue<string>());
        Assert.Equal("Cite the dosage source.", sentBack["reviewNote"]!.GetValue<string>());
        Assert.Equal("PERSON_REQUIRED", unsigned["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(typed["article"]);
        Assert.Equal([("reviewer", "SET_BY_APPROVAL"), ("reviewedAt", "SET_BY_APPROVAL")],
            typed["errors"]!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())));
    }

    [SkippableFact]
    public async Task Should_not_let_a_seed_publish_unapproved_articles_in_a_category_that_requires_review()
    {
        using var folder = SeedFolder.Empty()
            .Write("categories.yaml", "- slug: seed-reviewed\n  name: Seed Reviewed\n  requiresMedicalReview: true\n")
            .Write("articles/seed-bypass.md", "---\ntitle: Seed Bypass\ncategory: seed-reviewed\n---\nUnreviewed advice.\n");

        var (report, errors) = await _factory.Services.GetRequiredService<SeedRunner>()
            .RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);

        Assert.Null(report);
        Assert.Contains(errors, error => error.ToString().Contains("articles/seed-bypass.md", StringComparison.Ordinal)
            && error.ToString().Contains("medical reviewer", StringComparison.Ordinal));
        Assert.Null((await _factory.CreateClient().PostQueryAsync("""{ article(slug: "seed-bypass") { title } }""")).AssertData()["article"]);
    }

    /// <summary>A category requiring review every 180 days, a writer, a medical reviewer standing for a person and a publisher, all named after <paramref name="tag"/>.</summary>
    private async Task<Team> TeamAsync(string tag)
    {
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, $"Admin {tag}");
        var category = (await admin.PostQueryAsync(
            "mutation($input: CategoryInput!) { createCategory(input: $input) { category { slug } errors { code } } }",
            new { input = new { name = $"Reviewed {tag}", requiresMedicalReview = true, reviewIntervalDays = 180 } })).AssertData()["createCategory"]!["category"]!["slug"]!.GetValue<string>();
        await CreatePublishedPersonAsync(admin, $"Ana {char.ToUpperInvariant(tag[0])}{tag[1..]}", "MD, neurologist");
        await CreatePublishedPersonAsync(admin, $"Ben {char.ToUpperInvariant(tag[0])}{tag[1..]}", "MD");
        return new Team(
            category,
            await _factory.CreateClientAsync(ApiKeyRole.Writer, $"Writer {tag}"),
            await _factory.CreateClientAsync(ApiKeyRole.MedicalReviewer, $"Reviewer {tag}", person: $"ana-{tag}"),
            await _factory.CreateClientAsync(ApiKeyRole.Publisher, $"Publisher {tag}"));
    }

    private async Task<JsonNode> ApprovedArticleAsync(Team team, string title)
    {
        var article = await CreateAsync(team.Writer, new { title, body = "Reviewed text.", category = team.Category });
        var requested = (await MutateAsync(team.Writer, "requestReview", article))["article"]!;
        return (await MutateAsync(team.Reviewer, "approveArticle", requested))["article"]!;
    }

    private static async Task<JsonNode> ReviewOfAsync(HttpClient client, JsonNode article) =>
        (await client.PostQueryAsync($$"""{ article(id: "{{article["id"]}}") { {{Review}} } }""")).AssertData()["article"]!;

    /// <summary>The article with the version <paramref name="read"/> says it has now.</summary>
    private static JsonNode Current(JsonNode read, JsonNode article) =>
        new JsonObject { ["id"] = article["id"]!.GetValue<string>(), ["version"] = read["version"]!.GetValue<int>() };

    private Task<int> RunSchedulerAsync() =>
        _factory.Services.GetRequiredService<ContentScheduler>().RunDueAsync(CancellationToken.None);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Team(string Category, HttpClient Writer, HttpClient Reviewer, HttpClient Publisher);

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : ReviewWorkflowTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : ReviewWorkflowTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
