using System.Data.Common;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;
using static ContentHub.Tests.Support.ArticleMutations;

namespace ContentHub.Tests.Data;

/// <summary>
/// A write that meets another writer's lock waits its turn and succeeds; it does not fail: SQLite's busy timeout,
/// PostgreSQL's lock wait (no lock or statement timeout cuts it short).
/// </summary>
public abstract class ConcurrentWriterTests
{
    private readonly ContentHubFactory _factory;

    private ConcurrentWriterTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    /// <summary>Another connection, in a transaction that holds the lock writing an article needs, as a long import would.</summary>
    protected abstract Task<DbConnection> HoldWriteLockAsync(ContentHubFactory factory);

    /// <summary>Whether <paramref name="write"/> is waiting for that lock (rather than done, or failed).</summary>
    protected abstract Task<bool> WaitsForLockAsync(ContentHubFactory factory, Task write);

    [SkippableFact]
    public async Task Should_wait_for_another_writer_and_then_write()
    {
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        var article = await CreateAsync(editor, new { title = "Waiting writer", body = "Before." });
        await using var other = await HoldWriteLockAsync(_factory);

        var write = MutateAsync(editor, "updateArticle", article, new { body = "After." });
        var waiting = await WaitsForLockAsync(_factory, write);
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        var payload = await write;

        Assert.True(waiting, "the mutation should have waited for the other writer's lock");
        Assert.Equal(2, payload["article"]!["version"]!.GetValue<int>());
    }

    public sealed class OnSqlite(EmptyContentHubFactory factory) : ConcurrentWriterTests(factory), IClassFixture<EmptyContentHubFactory>
    {
        protected override async Task<DbConnection> HoldWriteLockAsync(ContentHubFactory factory)
        {
            var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
            await other.OpenAsync();
            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE; UPDATE Site SET Name = Name;";
            await begin.ExecuteNonQueryAsync();
            return other;
        }

        /// <summary>SQLite's busy handler cannot be watched: a write still pending after a while is waiting.</summary>
        protected override async Task<bool> WaitsForLockAsync(ContentHubFactory factory, Task write)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            return !write.IsCompleted;
        }
    }

    public sealed class OnPostgreSql(PostgreSqlEmptyContentHubFactory factory) : ConcurrentWriterTests(factory), IClassFixture<PostgreSqlEmptyContentHubFactory>
    {
        protected override async Task<DbConnection> HoldWriteLockAsync(ContentHubFactory factory)
        {
            var other = new NpgsqlConnection(factory.DatabaseSettings["ConnectionStrings:ContentHub"]);
            await other.OpenAsync();
            await using var begin = new NpgsqlCommand("""BEGIN; LOCK TABLE "Articles" IN EXCLUSIVE MODE;""", other);
            await begin.ExecuteNonQueryAsync();
            return other;
        }

        /// <summary>PostgreSQL shows who waits for a lock: the test waits until the server's connection does.</summary>
        protected override async Task<bool> WaitsForLockAsync(ContentHubFactory factory, Task write)
        {
            await using var watcher = new NpgsqlConnection(factory.DatabaseSettings["ConnectionStrings:ContentHub"]);
            await watcher.OpenAsync();
            await using var waiters = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", watcher);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (!write.IsCompleted && (long)(await waiters.ExecuteScalarAsync(timeout.Token))! == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }

            return !write.IsCompleted;
        }
    }
}
