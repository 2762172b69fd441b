using ContentHub.Server.Access;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Articles;

/// <summary>
/// The articles list and the article lookup are compiled once per shape of query: two callers sending the same
/// document get the query of their own shape (a reader never the editor's, which shows drafts), and the widest list
/// shape — every condition and a cursor — compiles and answers.
/// </summary>
public sealed class ArticleQueryShapeTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    // By title, the reader's and the editor's lists read the same columns in the same order: only who reads tells them apart.
    private const string ByTitle = "query($status: PublicationStatus) { articles(first: 50, sort: TITLE, filter: { status: $status }) { edges { node { slug } } } }";

    [Fact]
    public async Task Should_answer_a_reader_with_published_articles_only_after_an_editor_sent_the_same_document()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = (await ArticleMutations.CreateAsync(editor, new { title = "Shape draft", body = "Text." }))["slug"]!.GetValue<string>();

        var editorSees = Slugs(await editor.PostQueryAsync(ByTitle));
        var readerSees = Slugs(await factory.CreateClient().PostQueryAsync(ByTitle));
        var editorSeesPublished = Slugs(await editor.PostQueryAsync(ByTitle, new { status = "PUBLISHED" }));

        Assert.Contains(draft, editorSees);
        Assert.DoesNotContain(draft, readerSees);
        Assert.NotEmpty(readerSees);
        Assert.Equal(readerSees, editorSeesPublished);
    }

    [Fact]
    public async Task Should_answer_a_reader_no_draft_after_an_editor_looked_it_up_with_the_same_document()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = (await ArticleMutations.CreateAsync(editor, new { title = "Lookup shape draft", body = "Text." }))["slug"]!.GetValue<string>();
        const string BySlug = "query($slug: String) { article(slug: $slug) { slug } }";

        var editorSees = (await editor.PostQueryAsync(BySlug, new { slug = draft })).AssertData()["article"];
        var readerSees = (await factory.CreateClient().PostQueryAsync(BySlug, new { slug = draft })).AssertData()["article"];

        Assert.Equal(draft, editorSees?["slug"]?.GetValue<string>());
        Assert.Null(readerSees);
    }

    [Fact]
    public async Task Should_page_an_editors_list_with_every_condition_set_after_a_cursor()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var cursor = (await editor.PostQueryAsync("{ articles(first: 1) { pageInfo { endCursor } } }"))
            .AssertData()["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        const string Widest = """
            query($after: String, $expired: Boolean) {
              articles(first: 5, after: $after, filter: {
                status: PUBLISHED, category: "treatments", author: "nobody", tag: "a", tags: ["b", "c"],
                publishedAfter: "2001-01-01T00:00:00Z", publishedBefore: "2100-01-01T00:00:00Z", search: "x",
                reviewDueBefore: "2100-01-01T00:00:00Z", reviewQueue: true, expired: $expired }) {
                edges { node { slug } }
              }
            }
            """;

        foreach (var expired in new[] { true, false })
        {
            var answer = await editor.PostQueryAsync(Widest, new { after = cursor, expired });

            Assert.Empty(answer.AssertData()["articles"]!["edges"]!.AsArray());
        }
    }

    private static List<string> Slugs(GraphQLResponse response) =>
        response.AssertData()["articles"]!["edges"]!.AsArray().Select(edge => edge!["node"]!["slug"]!.GetValue<string>()).ToList();
}
