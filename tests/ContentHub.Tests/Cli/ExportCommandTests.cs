using System.Text.Json;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.Data.Sqlite;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Cli;

/// <summary>
/// <c>export DIR</c> through the real executable: the folder it writes is a seed folder that <c>seed --path</c> imports
/// into an empty database, from which an export gives the same bytes again.
/// </summary>
public sealed class ExportCommandTests : IDisposable
{
    private static readonly DateTime s_approvedAt = new(2026, 3, 2, 10, 30, 15, 500, DateTimeKind.Utc);
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"contenthub-export-{Guid.NewGuid():N}")).FullName;

    [Fact]
    public async Task Should_export_a_folder_that_seeds_an_empty_database_with_drafts_archived_and_approved_articles_and_exports_the_same_bytes()
    {
        await SeedWithEditorialStatesAsync("source");

        var first = await RunAsync("source", "export", In("first"), "--json");
        var seeded = await RunAsync("copy", "seed", "--path", In("first"));
        var second = await RunAsync("copy", "export", In("second"));

        Assert.True(first.ExitCode == 0, first.StandardError);
        var summary = JsonDocument.Parse(first.StandardOutput).RootElement;
        Assert.Equal("export", summary.GetProperty("command").GetString());
        Assert.Equal(In("first"), summary.GetProperty("folder").GetString());
        Assert.Equal(4, summary.GetProperty("articles").GetInt32());
        Assert.Equal(1, summary.GetProperty("approvals").GetInt32());
        Assert.Equal(6, summary.GetProperty("categories").GetInt32());
        Assert.Equal(1, summary.GetProperty("media").GetInt32());
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(ContentHubFactory.RepositorySeedData, "media", "spine-surgery.jpg")),
            await File.ReadAllBytesAsync(Path.Combine(In("first"), "media", "spine-surgery.jpg")));
        Assert.True(seeded.ExitCode == 0, seeded.StandardError);
        Assert.True(second.ExitCode == 0, second.StandardError);
        ExportFolders.AssertIdentical(In("first"), In("second"));

        await using var copy = Open("copy");
        var articles = await copy.Articles.AsNoTracking().ToDictionaryAsync(a => a.Slug);
        Assert.Equal(PublicationStatus.Draft, articles["a-draft"].Status);
        Assert.Equal(PublicationStatus.Archived, articles["an-archived"].Status);
        Assert.Equal(new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc), articles["an-archived"].PublishedAt);
        var approved = articles["an-approved"];
        Assert.Equal(PublicationStatus.Published, approved.Status);
        Assert.Equal(ArticleReviewState.Approved, approved.ReviewState);
        Assert.Equal(s_approvedAt, approved.ReviewedAt);
        Assert.Equal(s_approvedAt.AddDays(180), approved.NextReviewDue);
        Assert.Equal(new Reviewer { Name = "Sam Lee", Credentials = "MD (at the time)" }, approved.Reviewer);
        Assert.Equal(await copy.People.Where(p => p.Slug == "dr-sam-lee").Select(p => p.Id).SingleAsync(), approved.ReviewerId);
        Assert.Equal(PublicationStatus.Published, articles["revision-surgery"].Status);
        Assert.Equal(new Image { Url = "/media/spine-surgery.jpg", Alt = "Shown by asset id" }, approved.HeroImage); // the same asset, by its file's path
    }

    [Fact]
    public async Task Should_leave_out_the_trash_and_refuse_content_that_refers_to_it()
    {
        await SeedWithEditorialStatesAsync("source");
        await using (var db = Open("source"))
        {
            await db.Articles.Where(a => a.Slug == "a-draft").ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, PublicationStatus.Trashed));
        }

        var withoutTrash = await RunAsync("source", "export", In("first"), "--json");
        await using (var db = Open("source"))
        {
            await db.Categories.Where(c => c.Slug == "reviewed-care").ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, PublicationStatus.Trashed));
        }

        var refused = await RunAsync("source", "export", In("second"), "--json");

        Assert.True(withoutTrash.ExitCode == 0, withoutTrash.StandardError);
        Assert.Equal(1, JsonDocument.Parse(withoutTrash.StandardOutput).RootElement.GetProperty("trashedLeftOut").GetInt32());
        Assert.False(File.Exists(Path.Combine(In("first"), "articles", "a-draft.md")));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("articles/an-approved.md:1: category 'reviewed-care' is not defined", refused.StandardError, StringComparison.Ordinal);
        var problem = Assert.Single(JsonDocument.Parse(refused.StandardOutput).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("articles/an-approved.md", problem.GetProperty("file").GetString());
        Assert.Equal("category 'reviewed-care' is not defined in categories.yaml", problem.GetProperty("message").GetString());
        Assert.Empty(Directory.GetDirectories(_root, "*second*")); // nothing written for the refused export, not even its staging folder
    }

    [Fact]
    public async Task Should_refuse_an_approval_that_does_not_cover_the_imported_content()
    {
        await SeedWithEditorialStatesAsync("source");
        Assert.Equal(0, (await RunAsync("source", "export", In("folder"))).ExitCode);
        var file = Path.Combine(In("folder"), "articles", "an-approved.md");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("Body of an-approved.", "Body of an-approved, edited after its approval.", StringComparison.Ordinal));

        var seeded = await RunAsync("copy", "seed", "--path", In("folder"));

        Assert.Equal(1, seeded.ExitCode);
        Assert.Contains("articles/an-approved.md:1: The approval covers other content", seeded.StandardError, StringComparison.Ordinal);
        await using var copy = Open("copy");
        Assert.False(await copy.Articles.AnyAsync());
    }

    [Fact]
    public async Task Should_refuse_a_folder_that_is_not_empty_unless_told_to_overwrite_it()
    {
        Assert.Equal(0, (await RunAsync("source", "seed")).ExitCode);
        var kept = Path.Combine(Directory.CreateDirectory(In("folder")).FullName, "notes.txt");
        await File.WriteAllTextAsync(kept, "precious");

        var refused = await RunAsync("source", "export", In("folder"), "--json");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is not empty", refused.StandardError, StringComparison.Ordinal);
        var json = JsonDocument.Parse(refused.StandardOutput).RootElement;
        Assert.Equal("export", json.GetProperty("command").GetString());
        Assert.Equal(In("folder"), json.GetProperty("folder").GetString());
        Assert.Contains("is not empty", Assert.Single(json.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(kept));

        var replaced = await RunAsync("source", "export", In("folder"), "--overwrite");
        Assert.True(replaced.ExitCode == 0, replaced.StandardError);
        Assert.False(File.Exists(kept));
        Assert.True(File.Exists(Path.Combine(In("folder"), "articles", "revision-surgery.md")));
        Assert.Equal([In("folder")], Directory.GetFileSystemEntries(_root, "*folder*")); // no staging folder left beside it
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string In(string name) => Path.Combine(_root, name);

    /// <summary>Runs a verb on the SQLite file and asset store named <paramref name="database"/> under this test's folder.</summary>
    private Task<ServerProcess.Result> RunAsync(string database, params string[] args) =>
        ServerProcess.RunAsync(args, In($"{database}.db"), new Dictionary<string, string> { ["Media__Path"] = In($"{database}-media") });

    private SqliteContentHubDbContext Open(string database) =>
        new(new DbContextOptionsBuilder<SqliteContentHubDbContext>().UseSqlite($"Data Source={In($"{database}.db")}").Options);

    /// <summary>The repository's seed data, plus a draft, an archived article and one approved in a category that requires review.</summary>
    private async Task SeedWithEditorialStatesAsync(string database)
    {
        var seeded = await RunAsync(database, "seed");
        Assert.True(seeded.ExitCode == 0, seeded.StandardError);
        await using var db = Open(database);
        var spineSurgery = await db.Categories.SingleAsync(c => c.Slug == "spine-surgery");
        var reviewed = TestContent.Category("reviewed-care", PublicationStatus.Published);
        reviewed.RequiresMedicalReview = true;
        var approved = TestContent.Article("an-approved", PublicationStatus.Published, reviewed);
        approved.ContentHash = approved.ApprovedContentHash = ReviewedContent.Hash(approved);
        approved.ReviewStatus = ArticleReviewState.Approved;
        approved.ReviewerId = await db.People.Where(p => p.Slug == "dr-sam-lee").Select(p => p.Id).SingleAsync();
        approved.Reviewer = new Reviewer { Name = "Sam Lee", Credentials = "MD (at the time)" };
        approved.ReviewedAt = s_approvedAt;
        approved.NextReviewDue = s_approvedAt.AddDays(180);
        approved.HeroImage = new Image { AssetId = await db.Assets.Select(a => a.Id).SingleAsync(), Alt = "Shown by asset id" };
        var archived = TestContent.Article("an-archived", PublicationStatus.Archived, spineSurgery);
        archived.PublishedAt = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        db.AddRange(TestContent.Article("a-draft", PublicationStatus.Draft, spineSurgery), archived, approved);
        await db.SaveChangesAsync();
    }
}
