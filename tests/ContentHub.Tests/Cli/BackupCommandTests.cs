using ContentHub.Server.Access;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Cli;

/// <summary><c>backup FILE</c>: a consistent copy of the SQLite database while the server keeps writing to it.</summary>
public sealed class BackupCommandTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>, IDisposable
{
    private readonly string _backup = Path.Combine(Path.GetTempPath(), $"contenthub-backup-{Guid.NewGuid():N}.db");

    private const int Writers = 8;

    [Fact]
    public async Task Should_copy_a_consistent_database_while_eight_editors_keep_writing()
    {
        var editors = new List<HttpClient>();
        for (var writer = 0; writer < Writers; writer++)
        {
            editors.Add(await factory.CreateClientAsync(ApiKeyRole.Editor));
        }

        int before;
        await using (var db = factory.CreateDbContext())
        {
            before = await db.Articles.CountAsync();
        }

        using var stop = new CancellationTokenSource();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = editors.Select((editor, writer) => Task.Run(async () =>
        {
            for (var index = 0; !stop.IsCancellationRequested; index++)
            {
                await ArticleMutations.CreateAsync(editor, new { title = $"Written during the backup {writer}-{index}", body = "Text." });
                writing.TrySetResult();
            }
        })).ToList();
        // The backup starts once the editors' writes are landing: it may start up faster than their first ones commit.
        await writing.Task;
        var result = await ServerProcess.RunAsync(["backup", _backup], factory);
        await stop.CancelAsync();
        await Task.WhenAll(writes);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains(_backup, result.StandardOutput, StringComparison.Ordinal);
        await using var copy = new SqliteContentHubDbContext(new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={_backup}").Options);
        Assert.Equal(["ok"], (await copy.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()));
        Assert.Empty(await copy.Database.GetPendingMigrationsAsync());
        var copied = await copy.Articles.CountAsync();
        Assert.InRange(copied, before, await factory.CreateDbContext().Articles.CountAsync());
        // Every article written during the backup that the copy holds has its revision, written in the same
        // transaction: one snapshot, not a copy torn between two writes.
        var written = await copy.Articles.Where(a => a.Title.StartsWith("Written during")).Select(a => a.Id).ToListAsync();
        Assert.NotEmpty(written);
        Assert.Equal(written.Count, await copy.Revisions.Where(r => r.ContentType == "Article" && written.Contains(r.ContentId)).Select(r => r.ContentId).Distinct().CountAsync());
    }

    [Fact]
    public async Task Should_refuse_to_overwrite_a_file_and_point_server_databases_to_their_own_tools()
    {
        await File.WriteAllTextAsync(_backup, "precious");

        var exists = await ServerProcess.RunAsync(["backup", _backup], factory);
        var postgreSql = await ServerProcess.RunAsync(["backup", _backup], factory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__ContentHub"] = "Host=127.0.0.1;Port=1;Database=none",
        });

        Assert.Equal(1, exists.ExitCode);
        Assert.Equal("precious", await File.ReadAllTextAsync(_backup));
        Assert.Equal(2, postgreSql.ExitCode);
        Assert.Contains("pg_dump", postgreSql.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_backup);
    }
}
