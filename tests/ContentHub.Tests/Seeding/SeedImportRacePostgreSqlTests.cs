using ContentHub.Server.Access;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// An editor changes an item on PostgreSQL between the import's read of it and its write (Read Committed lets both
/// read first; SQLite's import holds the write lock throughout): the import ends with a seed error telling to run it
/// again, and writes nothing, rather than failing with an unhandled exception.
/// </summary>
public sealed class SeedImportRacePostgreSqlTests : IClassFixture<SeedImportRacePostgreSqlTests.PausingPostgreSqlFactory>
{
    private readonly PausingPostgreSqlFactory _factory;

    public SeedImportRacePostgreSqlTests(PausingPostgreSqlFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    /// <summary>An empty PostgreSQL server whose next command of a given kind a test can hold back.</summary>
    public sealed class PausingPostgreSqlFactory : ContentHubFactory
    {
        public PausingPostgreSqlFactory(IMessageSink diagnostics)
            : base(TestDatabase.PostgreSql, ("Seeding:OnStartup", "false")) => PostgreSqlTestServer.ReportIfMissing(diagnostics);
    }

    [SkippableFact]
    public async Task Should_end_with_a_seed_error_and_write_nothing_when_an_editor_changes_an_item_the_import_is_updating()
    {
        var runner = _factory.Services.GetRequiredService<SeedRunner>();
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        Assert.Empty((await runner.RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None)).Errors);
        folder.Write("site.yaml", folder.Read("site.yaml").Replace("name: Back to Life Blog", "name: Changed by the seed", StringComparison.Ordinal));
        folder.Write("facts.yaml", folder.Read("facts.yaml").Replace("over 87 million people suffer", "over 88 million people suffer", StringComparison.Ordinal));
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);

        _factory.Pause.Arm("UPDATE \"Facts\"");
        var import = Task.Run(() => runner.RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None));
        await _factory.Pause.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        try
        {
            var edited = await ContentMutations.MutateAsync(editor, "Fact", "updateFact", await FactAsync(), new { weight = 5 });
            Assert.Empty(edited["errors"]!.AsArray());
        }
        finally
        {
            _factory.Pause.Release();
        }

        var (report, errors) = await import;

        Assert.Null(report);
        Assert.Equal([$"database: {SeedImporter.ChangedMeanwhile}"], errors.Select(e => e.ToString()));
        await using var db = _factory.CreateDbContext();
        Assert.Equal("Back to Life Blog", (await db.Site.SingleAsync()).Name);
        var fact = await db.Facts.SingleAsync(f => f.Key == "back-pain-prevalence");
        Assert.Equal((5, true), (fact.Weight, fact.Text.StartsWith("over 87 million", StringComparison.Ordinal)));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> FactAsync()
    {
        await using var db = _factory.CreateDbContext();
        var fact = await db.Facts.AsNoTracking().SingleAsync(f => f.Key == "back-pain-prevalence");
        return new System.Text.Json.Nodes.JsonObject { ["id"] = fact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = fact.Version };
    }
}
