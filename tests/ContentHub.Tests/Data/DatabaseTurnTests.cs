using ContentHub.Server.Access;
using ContentHub.Server.Data;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Data;

/// <summary>
/// With <c>Database:MaxConcurrentRequests</c> at 1, one request runs at a time: another waits for its turn without
/// failing, answers from the response cache do not wait, and many requests at once all get their answers.
/// </summary>
public sealed class DatabaseTurnTests(DatabaseTurnTests.OneTurnFactory factory) : IClassFixture<DatabaseTurnTests.OneTurnFactory>
{
    private const string ListQuery = "{ articles(first: 3) { items { slug category { name } disclaimers { key } } } }";

    public sealed class OneTurnFactory() : ContentHubFactory(("Database:MaxConcurrentRequests", "1"));

    [Fact]
    public async Task Should_run_a_second_request_only_when_the_first_is_done()
    {
        using var first = factory.CreateClient();
        using var second = factory.CreateClient();
        factory.Pause.Arm("FROM \"Articles\"");
        var holding = first.PostQueryAsync(ListQuery);
        await factory.Pause.Paused.WaitAsync(TimeSpan.FromSeconds(30));

        factory.SqlCommands.Reset();
        var waiting = second.PostQueryAsync("{ article(slug: \"revision-surgery\") { title } }");
        await WaitForAsync(() => Turns.Waiting == 1);
        Assert.Equal(0, factory.SqlCommands.Count);
        Assert.False(waiting.IsCompleted);

        factory.Pause.Release();
        Assert.NotEmpty((await holding).AssertData()["articles"]!["items"]!.AsArray());
        Assert.NotNull((await waiting).AssertData()["article"]!["title"]);
        Assert.Equal(0, Turns.Waiting);
    }

    [Fact]
    public async Task Should_serve_a_cached_answer_while_the_only_turn_is_taken()
    {
        using var first = factory.CreateClient();
        using var second = factory.CreateClient();
        const string cached = "{ site { name } }";
        var expected = (await second.PostQueryAsync(cached)).AssertData().ToJsonString();
        factory.Pause.Arm("FROM \"Articles\"");
        var holding = first.PostQueryAsync("{ articles(first: 2) { items { slug } } }");
        await factory.Pause.Paused.WaitAsync(TimeSpan.FromSeconds(30));

        var answer = await second.PostQueryAsync(cached).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expected, answer.AssertData().ToJsonString());
        factory.Pause.Release();
        (await holding).AssertData();
    }

    [Fact]
    public async Task Should_answer_many_requests_at_once_after_a_write_one_turn_at_a_time()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        await ContentMutations.CreatePublishedAsync(editor, "Category", new { slug = "turns-new", name = "Turns new" });
        using var reader = factory.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(1, 20).Select(first =>
            reader.PostQueryAsync($"{{ articles(first: {first}, filter: {{ category: \"conditions\" }}) {{ items {{ slug category {{ name }} }} }} categories {{ slug }} }}")))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(answers, answer => Assert.Contains(answer.AssertData()["categories"]!.AsArray(), c => c!["slug"]!.GetValue<string>() == "turns-new"));
        Assert.Equal(0, Turns.Waiting);
    }

    private DatabaseTurns Turns => factory.Services.GetRequiredService<DatabaseTurns>();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
