using ContentHub.Server.Access;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Facts;

/// <summary>randomFact is the same for every reader within a rotation window and follows the weights across windows.</summary>
public abstract class FactRotationTests : IAsyncLifetime
{
    private const string Query = """{ randomFact(tag: "rotation") { key } randomFactChangesAt }""";

    private readonly FakeClockContentHubFactory _factory;

    private FactRotationTests(FakeClockContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        foreach (var (key, weight) in new[] { ("rotation-rare", 1), ("rotation-common", 3) })
        {
            if ((await _factory.CreateClient().PostQueryAsync($$"""{ facts(tag: "rotation") { key } }""")).AssertData()["facts"]!.AsArray()
                .All(f => f!["key"]!.GetValue<string>() != key))
            {
                await ContentMutations.CreatePublishedAsync(editor, "Fact", new { key, text = key, weight, tags = new[] { "rotation" } });
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Should_give_every_reader_the_same_fact_until_the_window_ends()
    {
        var (first, changesAt) = await AskAsync();

        var answers = new List<string>();
        while (_factory.Clock.GetUtcNow().AddMinutes(7) < changesAt)
        {
            _factory.Clock.Advance(TimeSpan.FromMinutes(7));
            var (key, until) = await AskAsync();
            answers.Add(key);
            Assert.Equal(changesAt, until);
        }

        Assert.NotEmpty(answers);
        Assert.All(answers, key => Assert.Equal(first, key));
        _factory.Clock.Advance(changesAt - _factory.Clock.GetUtcNow());
        Assert.Equal(changesAt.AddHours(1), (await AskAsync()).ChangesAt);
    }

    [SkippableFact]
    public async Task Should_keep_cached_answers_no_longer_than_the_window()
    {
        var (_, changesAt) = await AskAsync();
        _factory.Clock.Advance(changesAt - _factory.Clock.GetUtcNow() - TimeSpan.FromSeconds(4));
        var anonymous = _factory.CreateClient();

        using var nearTheEnd = await anonymous.GetAsync("/graphql?query=" + Uri.EscapeDataString(Query));
        _factory.SqlCommands.Reset();
        await AskAsync();
        var commandsWithinWindow = _factory.SqlCommands.Count;
        _factory.Clock.Advance(TimeSpan.FromSeconds(5));
        _factory.SqlCommands.Reset();
        var (_, next) = await AskAsync();

        Assert.Equal(4, nearTheEnd.Headers.CacheControl!.MaxAge!.Value.TotalSeconds);
        Assert.Equal(0, commandsWithinWindow);
        Assert.True(_factory.SqlCommands.Count > 0, "the answer of the ended window was served from the cache");
        Assert.True(next > changesAt);
    }

    [SkippableFact]
    public async Task Should_pick_facts_in_proportion_to_their_weights_across_windows()
    {
        var common = 0;
        const int windows = 400;
        for (var window = 0; window < windows; window++)
        {
            common += (await AskAsync()).Key == "rotation-common" ? 1 : 0;
            _factory.Clock.Advance(TimeSpan.FromHours(1));
        }

        // Weight 3 of 4: about 300 of 400 windows; the seeds are fixed, so this does not flicker.
        Assert.InRange(common, 260, 340);
    }

    private async Task<(string Key, DateTimeOffset ChangesAt)> AskAsync()
    {
        var data = (await _factory.CreateClient().PostQueryAsync(Query)).AssertData();
        return (data["randomFact"]!["key"]!.GetValue<string>(), data["randomFactChangesAt"]!.GetValue<DateTimeOffset>());
    }

    public sealed class OnSqlite(FakeClockContentHubFactory factory) : FactRotationTests(factory), IClassFixture<FakeClockContentHubFactory>;

    public sealed class OnPostgreSql(PostgreSqlFakeClockContentHubFactory factory) : FactRotationTests(factory), IClassFixture<PostgreSqlFakeClockContentHubFactory>;
}
