using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ContentHub.Tests.Http;

/// <summary>A request stuck on the database is cancelled at the timeout and answered with a 503, not left hanging.</summary>
public sealed class RequestTimeoutTests : IDisposable
{
    // SQLite's wait for a lock does not observe cancellation; it ends at the busy timeout (Default Timeout). Without
    // pooling the server holds no connection open between requests, so another process can take the file's exclusive lock.
    private readonly CustomContentHubFactory _factory = new(
        ("Http:RequestTimeoutSeconds", "1"),
        ("ConnectionStrings:ContentHub", "Data Source={database};Default Timeout=3;Pooling=False"));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Should_cancel_a_request_that_waits_on_a_locked_database()
    {
        var client = _factory.CreateClient();
        // The first requests build the schema and JIT the pipeline; on a loaded machine that alone can pass 1 s.
        for (var attempt = 1; (await client.PostQueryAsync("{ site { name } }")).Status != 200; attempt++)
        {
            Assert.True(attempt < 10, "the server never answered within its 1 s timeout before the database was locked");
        }

        // An exclusive lock held by another process keeps every reader waiting for the 30 s busy timeout.
        await using var blocker = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        await using (var exclusive = blocker.CreateCommand())
        {
            exclusive.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE Site SET Name = Name; COMMIT; BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();
        }

        var started = DateTime.UtcNow;
        var response = await client.PostQueryAsync("{ articles { totalCount } }");
        var waited = DateTime.UtcNow - started;

        Assert.Equal(503, response.Status);
        Assert.Equal("TIMEOUT", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Single(response.Errors!);
        Assert.True(waited < TimeSpan.FromSeconds(10), $"the request waited {waited}");
    }
}
