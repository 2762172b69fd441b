using ContentHub.Server.Access;
using ContentHub.Server.Content.Reference;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Content;

/// <summary>
/// What anonymous readers get from memory follows the clock: facts start and stop on time, and a write the server is
/// not told about (another process on the same database) shows once the kept copy is older than its age bound.
/// </summary>
public sealed class ReferenceDataAgeTests(ReferenceDataAgeTests.UncachedFakeClockFactory factory)
    : IClassFixture<ReferenceDataAgeTests.UncachedFakeClockFactory>
{
    [Fact]
    public async Task Should_start_and_stop_showing_a_fact_on_time()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await ContentMutations.CreatePublishedAsync(editor, "Fact", new
        {
            key = "age-window", text = "For ten minutes.", tags = new[] { "age-window" }, activeFrom = now.AddMinutes(10), activeUntil = now.AddMinutes(20),
        });
        var anonymous = factory.CreateClient();
        const string query = """{ facts(tag: "age-window") { key } randomFact(tag: "age-window") { key } }""";

        var before = (await anonymous.PostQueryAsync(query)).AssertData();
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var during = (await anonymous.PostQueryAsync(query)).AssertData();
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = (await anonymous.PostQueryAsync(query)).AssertData();

        Assert.Empty(before["facts"]!.AsArray());
        Assert.Null(before["randomFact"]);
        Assert.Equal("age-window", Assert.Single(during["facts"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.Equal("age-window", during["randomFact"]!["key"]!.GetValue<string>());
        Assert.Empty(after["facts"]!.AsArray());
        Assert.Null(after["randomFact"]);
    }

    [Fact]
    public async Task Should_show_a_write_it_was_not_told_about_once_its_copy_is_older_than_the_age_bound()
    {
        var anonymous = factory.CreateClient();
        const string query = """{ category(slug: "wellness") { name } }""";
        (await anonymous.PostQueryAsync(query)).AssertData();
        await using (var db = factory.CreateDbContext()) // as the seed verb beside a live server would
        {
            await db.Categories.Where(c => c.Slug == "wellness").ExecuteUpdateAsync(set => set.SetProperty(c => c.Name, "Renamed elsewhere"));
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(new ReferenceDataOptions().MaxAgeSeconds));
        var after = (await anonymous.PostQueryAsync(query)).AssertData();

        Assert.Equal("Renamed elsewhere", after["category"]!["name"]!.GetValue<string>());
    }

    /// <summary>A seeded fake-clock server that keeps no responses: every read computes its answer.</summary>
    public sealed class UncachedFakeClockFactory() : FakeClockContentHubFactory(("GraphQL:ResponseCache:Enabled", "false"));
}
