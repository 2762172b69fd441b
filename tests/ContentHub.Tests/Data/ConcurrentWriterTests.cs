using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Data;

/// <summary>A write that meets another writer's lock waits its turn (SQLite's busy timeout) and succeeds; it does not fail.</summary>
public sealed class ConcurrentWriterTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_wait_for_another_writer_and_then_write()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Waiting writer", body = "Before." });

        // Another process holds the write lock for a while, as a long import would.
        await using var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; UPDATE Site SET Name = Name;";
            await begin.ExecuteNonQueryAsync();
        }

        var write = MutateAsync(editor, "updateArticle", article, new { body = "After." });
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        var waiting = !write.IsCompleted;
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        var payload = await write;

        Assert.True(waiting, "the mutation should have waited for the other writer's lock");
        Assert.Equal(2, payload["article"]!["version"]!.GetValue<int>());
    }
}
