using ContentHub.Server.Data.Sqlite;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// An import killed with SIGKILL at any moment leaves the database as it was or fully imported, and running
/// it again finishes the job with no duplicates.
/// </summary>
public sealed class SeedCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int GeneratedArticles = 1500;
    private const int AllArticles = GeneratedArticles + 1;

    private readonly SeedFolder _folder = SeedFolder.CopyOfRepositorySeedData();

    private void WriteArticles()
    {
        for (var i = 0; i < GeneratedArticles; i++)
        {
            _folder.Write($"articles/generated-{i:D4}.md", $"---\ntitle: Generated {i}\ncategory: wellness\ntags: [generated]\n---\nParagraph {i}.\n\n- a point\n- another point\n");
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Should_leave_all_or_nothing_when_killed_and_finish_on_the_next_run()
    {
        WriteArticles();
        var random = new Random(4242);
        var outcomes = new List<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var database = Path.Combine(Path.GetTempPath(), $"contenthub-crash-{Guid.NewGuid():N}.db");
            try
            {
                // Killed while preparing, or inside the write transaction.
                var (marker, delay) = attempt % 2 == 0
                    ? ("Preparing", TimeSpan.FromMilliseconds(random.Next(0, 300)))
                    : ("Writing", TimeSpan.FromMilliseconds(random.Next(0, 400)));
                var finished = await ServerProcess.KillAfterAsync(["seed", "--path", _folder.Path], database, marker, delay);
                var afterKill = await CountArticlesAsync(database);
                outcomes.Add($"{delay.TotalMilliseconds:0} ms after '{marker}': {(finished ? "finished" : "killed")}, {afterKill} articles");
                output.WriteLine(outcomes[^1]);
                Assert.True(afterKill is 0 or AllArticles, $"a half-written import: {afterKill} articles after a kill at {delay}");

                var rerun = await ServerProcess.RunAsync(["seed", "--path", _folder.Path], database);

                Assert.Equal(0, rerun.ExitCode);
                Assert.Equal(AllArticles, await CountArticlesAsync(database));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(database + suffix);
                }
            }
        }

        Assert.Contains(outcomes, outcome => outcome.Contains("killed", StringComparison.Ordinal));
    }

    private static async Task<int> CountArticlesAsync(string database)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        await using var db = new SqliteContentHubDbContext(
            new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={database}").Options);
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Articles'").ToListAsync();
        return tables.Count == 0 ? 0 : await db.Articles.CountAsync();
    }
}
