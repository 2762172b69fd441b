using ContentHub.Server.Access;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Facts;

/// <summary>What changes with time alone, without a write, is kept in the response cache only until it changes.</summary>
public sealed class FactWindowCachingTests(FakeClockContentHubFactory factory) : IClassFixture<FakeClockContentHubFactory>
{
    [Fact]
    public async Task Should_show_a_fact_once_its_active_window_opens()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var opens = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        await ContentMutations.CreatePublishedAsync(editor, "Fact", new { key = "window-opens", text = "Soon.", tags = new[] { "window" }, activeFrom = opens });
        var anonymous = factory.CreateClient();
        const string query = """{ facts(tag: "window") { key } }""";
        var before = (await anonymous.PostQueryAsync(query)).AssertData()["facts"]!.AsArray().Count;

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = (await anonymous.PostQueryAsync(query)).AssertData()["facts"]!.AsArray().Select(f => f!["key"]!.GetValue<string>());

        Assert.Equal(0, before);
        Assert.Equal(["window-opens"], after);
    }

    [Fact]
    public async Task Should_flag_an_article_expired_once_its_expiry_passes()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var expires = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        await ContentMutations.CreatePublishedAsync(editor, "Article", new { title = "Soon out of date", slug = "window-expires", body = "Text.", expiresAt = expires });
        var anonymous = factory.CreateClient();
        const string query = """{ article(slug: "window-expires") { expired } }""";
        var before = (await anonymous.PostQueryAsync(query)).AssertData()["article"]!["expired"]!.GetValue<bool>();

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = (await anonymous.PostQueryAsync(query)).AssertData()["article"]!["expired"]!.GetValue<bool>();

        Assert.False(before);
        Assert.True(after);
    }
}
