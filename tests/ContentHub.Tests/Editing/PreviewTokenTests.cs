using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Editing;

/// <summary>A preview token shows its one draft to whoever holds it, until it expires or is revoked, and nothing else.</summary>
public abstract class PreviewTokenTests
{
    private readonly FakeClockContentHubFactory _factory;

    private PreviewTokenTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    [SkippableFact]
    public async Task Should_show_the_previewed_draft_by_slug_and_id_but_not_in_lists()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title = "Preview me", body = "Draft text." });
        await CreateAsync(editor, new { title = "Other draft", body = "Hidden." });
        var token = await MintAsync(editor, draft["id"]!.GetValue<string>(), minutes: 30);

        var previewer = Previewer(token);
        var bySlug = await ArticleAsync(previewer, """slug: "preview-me" """);
        var byId = await ArticleAsync(previewer, $"""id: "{draft["id"]}" """);
        var other = await ArticleAsync(previewer, """slug: "other-draft" """);
        var withoutToken = await ArticleAsync(_factory.CreateClient(), """slug: "preview-me" """);
        var list = (await previewer.PostQueryAsync("{ articles(first: 100) { items { slug } } }")).AssertData();

        Assert.Equal("DRAFT", bySlug!["status"]!.GetValue<string>());
        Assert.Equal("preview-me", byId!["slug"]!.GetValue<string>());
        Assert.Null(other);
        Assert.Null(withoutToken);
        Assert.DoesNotContain("preview-me", list["articles"]!["items"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Should_show_each_token_its_own_draft_only_whichever_was_looked_up_first()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var first = await CreateAsync(editor, new { title = "Own draft one", body = "One." });
        var second = await CreateAsync(editor, new { title = "Own draft two", body = "Two." });
        var firstReader = Previewer(await MintAsync(editor, first["id"]!.GetValue<string>(), minutes: 30));
        var secondReader = Previewer(await MintAsync(editor, second["id"]!.GetValue<string>(), minutes: 30));

        // The same lookup each time: one compiled query, whose token values must be each request's own.
        Assert.Equal("own-draft-one", (await ArticleAsync(firstReader, """slug: "own-draft-one" """))?["slug"]?.GetValue<string>());
        Assert.Null(await ArticleAsync(secondReader, """slug: "own-draft-one" """));
        Assert.Equal("own-draft-two", (await ArticleAsync(secondReader, """slug: "own-draft-two" """))?["slug"]?.GetValue<string>());
        Assert.Null(await ArticleAsync(firstReader, """slug: "own-draft-two" """));
    }

    [SkippableFact]
    public async Task Should_refuse_an_expired_or_forged_token_with_a_clear_error()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title = "Short lived", body = "Soon gone." });
        var token = await MintAsync(editor, draft["id"]!.GetValue<string>(), minutes: 5);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var beforeExpiry = await ArticleAsync(Previewer(token), """slug: "short-lived" """);
        _factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var expired = await Previewer(token).PostQueryAsync("""{ article(slug: "short-lived") { title } }""");
        var tampered = await Previewer(forged).PostQueryAsync("""{ article(slug: "short-lived") { title } }""");

        Assert.NotNull(beforeExpiry);
        Assert.All(new[] { expired, tampered }, response =>
        {
            Assert.Equal(401, response.Status);
            Assert.Equal("UNAUTHENTICATED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        });
    }

    [SkippableTheory]
    [InlineData("ContentHub.PreviewTokens")] // the tokens of the first format
    [InlineData("")] // a protector of no purpose of its own
    public async Task Should_refuse_a_genuine_payload_sealed_for_another_purpose(string purpose)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title = $"Sealed elsewhere {purpose.Length}", body = "Not for this key." });
        var token = await MintAsync(editor, draft["id"]!.GetValue<string>(), minutes: 30);
        var query = $$"""{ article(slug: "sealed-elsewhere-{{purpose.Length}}") { title } }""";
        // Read on a second node of the database, started here: each node makes its protector once, so this test is
        // where a mutation-testing run sees it made.
        using var node = _factory.WithWebHostBuilder(_ => { });
        var protection = node.Services.GetRequiredService<IDataProtectionProvider>();
        var payload = protection.CreateProtector("ContentHub.PreviewTokens.v2").Unprotect(token);

        var genuine = await PreviewOn(node, token).PostQueryAsync(query);
        var resealed = await PreviewOn(node, protection.CreateProtector(purpose).Protect(payload)).PostQueryAsync(query);

        Assert.Equal("Sealed elsewhere " + purpose.Length, genuine.AssertData()["article"]!["title"]!.GetValue<string>());
        Assert.Equal(401, resealed.Status);
        Assert.Equal("UNAUTHENTICATED", resealed.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_show_the_draft_until_the_moment_the_token_expires_and_not_at_that_moment()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title = "Five minutes exactly", body = "Then gone." });
        var token = await MintAsync(editor, draft["id"]!.GetValue<string>(), minutes: 5);

        _factory.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        var lastMoment = await ArticleAsync(Previewer(token), """slug: "five-minutes-exactly" """);
        _factory.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var atExpiry = await Previewer(token).PostQueryAsync("""{ article(slug: "five-minutes-exactly") { title } }""");

        Assert.NotNull(lastMoment);
        Assert.Equal(401, atExpiry.Status);
    }

    [SkippableFact]
    public async Task Should_refuse_a_revoked_token_like_an_expired_one_and_leave_other_tokens_working()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title = "Shared too widely", body = "Oops." });
        var shared = await MintPayloadAsync(editor, draft["id"]!.GetValue<string>(), minutes: 30);
        var kept = await MintAsync(editor, draft["id"]!.GetValue<string>(), minutes: 30);
        var token = shared["token"]!.GetValue<string>();

        var before = await ArticleAsync(Previewer(token), """slug: "shared-too-widely" """);
        var revoked = await RevokeAsync(editor, shared["tokenId"]!.GetValue<string>());
        var after = await Previewer(token).PostQueryAsync("""{ article(slug: "shared-too-widely") { title } }""");
        var other = await ArticleAsync(Previewer(kept), """slug: "shared-too-widely" """);
        var again = await RevokeAsync(editor, shared["tokenId"]!.GetValue<string>());
        var anonymous = await _factory.CreateClient().PostQueryAsync(
            "mutation($id: ID!) { revokePreviewToken(id: $id) { revokedAt } }", new { id = shared["tokenId"]!.GetValue<string>() });

        Assert.NotNull(before);
        Assert.Empty(revoked["errors"]!.AsArray());
        Assert.NotNull(revoked["revokedAt"]);
        Assert.Equal(401, after.Status);
        Assert.Equal("UNAUTHENTICATED", after.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.NotNull(other);
        Assert.Equal("NOT_FOUND", again["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Should_show_the_item_of_a_version_bound_token_only_at_that_version()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var draft = await CreateAsync(editor, new { title = "Bound preview", body = "First take." });
        var id = draft["id"]!.GetValue<string>();
        var bound = await MintAsync(editor, id, minutes: 30, version: 1);
        var unbound = await MintAsync(editor, id, minutes: 30);

        var atVersion = await ArticleAsync(Previewer(bound), """slug: "bound-preview" """);
        await MutateAsync(editor, "updateArticle", draft, new { body = "Second take." });
        var afterChange = await ArticleAsync(Previewer(bound), """slug: "bound-preview" """);
        var byIdAfterChange = await ArticleAsync(Previewer(bound), $"""id: "{id}" """);
        var unboundAfterChange = await ArticleAsync(Previewer(unbound), """slug: "bound-preview" """);
        var stale = await MintPayloadAsync(editor, id, minutes: 30, version: 1);

        Assert.Equal("DRAFT", atVersion!["status"]!.GetValue<string>());
        Assert.Null(afterChange);
        Assert.Null(byIdAfterChange);
        Assert.NotNull(unboundAfterChange);
        Assert.Null(stale["token"]);
        Assert.Equal(("version", "CONFLICT"), (stale["errors"]![0]!["field"]!.GetValue<string>(), stale["errors"]![0]!["code"]!.GetValue<string>()));
    }

    [SkippableTheory]
    [InlineData("999999", 60, "id", "NOT_FOUND")]
    [InlineData(null, 0, "expiresInMinutes", "INVALID_VALUE")]
    [InlineData(null, 100_000, "expiresInMinutes", "INVALID_VALUE")]
    public async Task Should_refuse_to_mint_a_token_for_nothing_or_for_too_long(string? id, int minutes, string field, string code)
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        id ??= (await CreateAsync(editor, new { title = $"Mint {minutes}", body = "x" }))["id"]!.GetValue<string>();

        var payload = await MintPayloadAsync(editor, id, minutes);

        Assert.Null(payload["token"]);
        Assert.Equal((field, code), (payload["errors"]![0]!["field"]!.GetValue<string>(), payload["errors"]![0]!["code"]!.GetValue<string>()));
    }

    private HttpClient Previewer(string token) => PreviewOn(_factory, token);

    private static HttpClient PreviewOn(WebApplicationFactory<Program> server, string token)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add(PreviewTokens.Header, token);
        return client;
    }

    private static async Task<JsonNode?> ArticleAsync(HttpClient client, string arguments) =>
        (await client.PostQueryAsync($"{{ article({arguments}) {{ slug status }} }}")).AssertData()["article"];

    private static async Task<string> MintAsync(HttpClient editor, string id, int minutes, int? version = null)
    {
        var payload = await MintPayloadAsync(editor, id, minutes, version);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["token"]!.GetValue<string>();
    }

    private static async Task<JsonNode> MintPayloadAsync(HttpClient editor, string id, int minutes, int? version = null) =>
        (await editor.PostQueryAsync(
            "mutation($id: ID!, $minutes: Int, $version: Int) { createArticlePreviewToken(id: $id, expiresInMinutes: $minutes, version: $version) { tokenId token expiresAt errors { field code } } }",
            new { id, minutes, version })).AssertData()["createArticlePreviewToken"]!;

    private static async Task<JsonNode> RevokeAsync(HttpClient editor, string tokenId) =>
        (await editor.PostQueryAsync(
            "mutation($id: ID!) { revokePreviewToken(id: $id) { revokedAt errors { field code } } }", new { id = tokenId }))
        .AssertData()["revokePreviewToken"]!;

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : PreviewTokenTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : PreviewTokenTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
