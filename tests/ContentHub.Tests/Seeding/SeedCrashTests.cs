using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// An import killed with SIGKILL at any moment leaves the database as it was or fully imported, and running
/// it again finishes the job with no duplicates: on SQLite, and on PostgreSQL, where the server rolls back the
/// transaction of a client that vanished.
/// </summary>
public abstract class SeedCrashTests : IDisposable
{
    private const int GeneratedArticles = 1500;
    private const int AllArticles = GeneratedArticles + 1;

    private readonly SeedFolder _folder = SeedFolder.CopyOfRepositorySeedData();
    private readonly Func<ContentHubFactory> _newDatabase;
    private readonly ITestOutputHelper _output;

    private SeedCrashTests(Func<ContentHubFactory> newDatabase, ITestOutputHelper output)
    {
        _newDatabase = newDatabase;
        _output = output;
    }

    private void WriteArticles()
    {
        for (var i = 0; i < GeneratedArticles; i++)
        {
            _folder.Write($"articles/generated-{i:D4}.md", $"---\ntitle: Generated {i}\ncategory: wellness\ntags: [generated]\n---\nParagraph {i}.\n\n- a point\n- another point\n");
        }
    }

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Should_leave_all_or_nothing_when_killed_and_finish_on_the_next_run()
    {
        WriteArticles();
        var random = new Random(4242);
        var outcomes = new List<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var database = _newDatabase();
            database.SkipUnlessAvailable();

            // Killed while preparing, or inside the write transaction.
            var (marker, delay) = attempt % 2 == 0
                ? ("Preparing", TimeSpan.FromMilliseconds(random.Next(0, 300)))
                : ("Writing", TimeSpan.FromMilliseconds(random.Next(0, 400)));
            var finished = await ServerProcess.KillAfterAsync(["seed", "--path", _folder.Path], database, marker, delay);
            var afterKill = await CountArticlesAsync(database);
            outcomes.Add($"{delay.TotalMilliseconds:0} ms after '{marker}': {(finished ? "finished" : "killed")}, {afterKill} articles");
            _output.WriteLine(outcomes[^1]);
            Assert.True(afterKill is 0 or AllArticles, $"a half-written import: {afterKill} articles after a kill at {delay}");

            var rerun = await ServerProcess.RunAsync(["seed", "--path", _folder.Path], database);

            Assert.True(rerun.ExitCode == 0, rerun.StandardError);
            Assert.Equal(AllArticles, await CountArticlesAsync(database));
        }

        Assert.Contains(outcomes, outcome => outcome.Contains("killed", StringComparison.Ordinal));
    }

    /// <summary>The articles in the database; none if the verb was killed before it made the tables.</summary>
    private static async Task<int> CountArticlesAsync(ContentHubFactory database)
    {
        if (database.Database == TestDatabase.Sqlite && !File.Exists(database.DatabasePath))
        {
            return 0;
        }

        await using var db = database.OpenDatabase();
        return (await db.Database.GetAppliedMigrationsAsync()).Any() ? await db.Articles.CountAsync() : 0;
    }

    public sealed class OnSqlite(ITestOutputHelper output) : SeedCrashTests(() => new EmptyContentHubFactory(), output);

    public sealed class OnPostgreSql(ITestOutputHelper output) : SeedCrashTests(() => new CustomContentHubFactory(TestDatabase.PostgreSql), output);
}
