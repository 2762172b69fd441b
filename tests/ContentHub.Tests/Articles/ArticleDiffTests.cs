using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Articles;

/// <summary>articleDiff: the fields two revisions differ in, and the body's rendered text diffed word by word.</summary>
public sealed class ArticleDiffTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private const string Diff = """
        query($id: ID!, $from: Int!, $to: Int!) {
          articleDiff(id: $id, fromVersion: $from, toVersion: $to) { fromVersion toVersion fields { field before after } text { kind text } }
        }
        """;

    [Fact]
    public async Task Should_list_the_changed_fields_and_mark_deleted_and_inserted_words_of_the_rendered_text()
    {
        var writer = await factory.CreateClientAsync(ApiKeyRole.Writer, "Diff Writer");
        var article = await CreateAsync(writer, new { title = "Diff rest", body = "Rest for **two** days, then walk.", tags = new[] { "diff" } });
        await MutateAsync(writer, "updateArticle", article, new { title = "Diff rest, revised", body = "Rest for one day, then walk daily." });

        var diff = (await writer.PostQueryAsync(Diff, new { id = article["id"]!.GetValue<string>(), from = 1, to = 2 })).AssertData()["articleDiff"]!;

        var fields = diff["fields"]!.AsArray().ToDictionary(f => f!["field"]!.GetValue<string>(), f => (Before: f!["before"]?.GetValue<string>(), After: f["after"]?.GetValue<string>()));
        Assert.Equal(["body", "title"], fields.Keys.Order());
        Assert.Equal(("\"Diff rest\"", "\"Diff rest, revised\""), fields["title"]);
        var text = diff["text"]!.AsArray().Select(t => (Kind: t!["kind"]!.GetValue<string>(), Text: t["text"]!.GetValue<string>())).ToList();
        Assert.Equal("Rest for two days, then walk.", string.Concat(text.Where(t => t.Kind != "INSERTED").Select(t => t.Text)).Trim());
        Assert.Equal("Rest for one day, then walk daily.", string.Concat(text.Where(t => t.Kind != "DELETED").Select(t => t.Text)).Trim());
        var deleted = string.Concat(text.Where(t => t.Kind == "DELETED").Select(t => t.Text));
        var inserted = string.Concat(text.Where(t => t.Kind == "INSERTED").Select(t => t.Text));
        Assert.Contains("two", deleted, StringComparison.Ordinal);
        Assert.Contains("days", deleted, StringComparison.Ordinal);
        Assert.DoesNotContain("Rest", deleted + inserted, StringComparison.Ordinal);
        Assert.Contains("one", inserted, StringComparison.Ordinal);
        Assert.Contains("daily", inserted, StringComparison.Ordinal);
        Assert.StartsWith("Rest for", text[0].Text, StringComparison.Ordinal);
        Assert.Equal("UNCHANGED", text[0].Kind);
    }

    [Fact]
    public async Task Should_answer_nothing_for_a_missing_revision_and_refuse_anonymous_callers()
    {
        var writer = await factory.CreateClientAsync(ApiKeyRole.MedicalReviewer, "Diff Reviewer");
        var article = await CreateAsync(await factory.CreateClientAsync(ApiKeyRole.Writer, "Diff Writer"), new { title = "Diff missing", body = "Text." });
        var variables = new { id = article["id"]!.GetValue<string>(), from = 1, to = 9 };

        var missing = (await writer.PostQueryAsync(Diff, variables)).AssertData();
        var anonymous = await factory.CreateClient().PostQueryAsync(Diff, variables);

        Assert.Null(missing["articleDiff"]);
        Assert.Equal("UNAUTHENTICATED", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
