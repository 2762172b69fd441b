using ContentHub.Server.Data;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Data;

/// <summary>
/// With <c>Database:MaxConcurrentRequests</c> at 1, one request at a time uses the database: another waits for its
/// turn without failing, a request never waits for itself, and requests that need no database are not held up.
/// </summary>
public sealed class DatabaseTurnTests(DatabaseTurnTests.OneTurnFactory factory) : IClassFixture<DatabaseTurnTests.OneTurnFactory>
{
    private const string ListQuery = "{ articles(first: 3) { items { slug category { name } disclaimers { key } } } }";

    public sealed class OneTurnFactory() : ContentHubFactory(("Database:MaxConcurrentRequests", "1"), ("GraphQL:ResponseCache:Enabled", "false"))
    {
        public CommandPause Pause { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Pause));
        }
    }

    [Fact]
    public async Task Should_let_a_second_request_use_the_database_only_when_the_first_is_done()
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
    public async Task Should_answer_a_request_that_needs_no_database_while_the_only_turn_is_taken()
    {
        using var first = factory.CreateClient();
        using var second = factory.CreateClient();
        factory.Pause.Arm("FROM \"Articles\"");
        var holding = first.PostQueryAsync(ListQuery);
        await factory.Pause.Paused.WaitAsync(TimeSpan.FromSeconds(30));

        var answer = await second.PostQueryAsync("{ __typename }").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Query", answer.AssertData()["__typename"]!.GetValue<string>());
        factory.Pause.Release();
        (await holding).AssertData();
    }

    [Fact]
    public async Task Should_not_wait_for_itself_when_one_request_reads_through_several_connections()
    {
        using var client = factory.CreateClient();
        factory.SqlCommands.Reset();

        var data = (await client.PostQueryAsync(ListQuery).WaitAsync(TimeSpan.FromSeconds(30))).AssertData();

        Assert.NotEmpty(data["articles"]!["items"]!.AsArray());
        Assert.True(factory.SqlCommands.Count > 1, "the list, its categories and its disclaimers are read by separate commands");
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
