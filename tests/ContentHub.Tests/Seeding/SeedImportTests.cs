using System.Linq.Expressions;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Seeding;

/// <summary>Importing is idempotent, updates by slug or key, and is all-or-nothing.</summary>
public abstract class SeedImportTests : IDisposable
{
    private const int SeedItems = 13;

    private readonly ContentHubFactory _factory;

    private SeedImportTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    /// <summary>SQL that makes every insert into Promotions fail.</summary>
    protected abstract string RefusePromotionsSql { get; }

    private SeedRunner Runner => _factory.Services.GetRequiredService<SeedRunner>();

    public void Dispose() => _factory.Dispose();

    [SkippableFact]
    public async Task Should_change_nothing_when_the_same_files_are_imported_again()
    {
        var first = await ImportAsync(ContentHubFactory.RepositorySeedData);
        var stamps = await UpdatedAtStampsAsync();

        var second = await ImportAsync(ContentHubFactory.RepositorySeedData);

        Assert.Equal(SeedItems, first.Count(SeedOutcome.Created));
        Assert.Equal(SeedItems, second.Count(SeedOutcome.Unchanged));
        Assert.Equal(stamps, await UpdatedAtStampsAsync());
    }

    [SkippableFact]
    public async Task Should_update_only_the_item_whose_file_changed()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        await ImportAsync(folder.Path);
        folder.Write("articles/revision-surgery.md", folder.Read("articles/revision-surgery.md")
            .Replace("title: Revision Surgery", "title: Revision Surgery, Explained", StringComparison.Ordinal));
        folder.Write("categories.yaml", folder.Read("categories.yaml") + "- slug: neck-pain\n  name: Neck Pain\n  parent: conditions\n");
        var changes = _factory.Services.GetRequiredService<IContentChanges>();
        var before = (await changes.StampAsync(CancellationToken.None))!.Value;

        var report = await ImportAsync(folder.Path);

        Assert.Equal([("article", "revision-surgery")], Keys(report, SeedOutcome.Updated));
        Assert.Equal([("category", "neck-pain")], Keys(report, SeedOutcome.Created));
        await using var db = _factory.CreateDbContext();
        var article = await db.Articles.SingleAsync();
        Assert.Equal("Revision Surgery, Explained", article.Title);
        Assert.True(article.UpdatedAt > article.CreatedAt);
        Assert.Equal("conditions", (await db.Categories.Include(c => c.Parent).SingleAsync(c => c.Slug == "neck-pain")).Parent!.Slug);
        // Cached answers that read what the run changed go out of date; the others stay.
        var untouched = await db.Disclaimers.Select(d => d.Id).FirstAsync();
        Assert.Equal((true, true, false), (
            await changes.ChangedSinceAsync(before, [ContentKeys.Item("Article", article.Id)], CancellationToken.None),
            await changes.ChangedSinceAsync(before, [ContentKeys.Collection("Category")], CancellationToken.None),
            await changes.ChangedSinceAsync(before, [ContentKeys.Item("Disclaimer", untouched)], CancellationToken.None)));
    }

    [SkippableFact]
    public async Task Should_update_an_articles_disclaimers_when_their_list_changes()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        await ImportAsync(folder.Path);
        folder.Write("articles/revision-surgery.md", folder.Read("articles/revision-surgery.md")
            .Replace("category: spine-surgery", "category: spine-surgery\ndisclaimers: [medicaid-footnote]", StringComparison.Ordinal));

        var report = await ImportAsync(folder.Path);

        Assert.Equal([("article", "revision-surgery")], Keys(report, SeedOutcome.Updated));
        await using var db = _factory.CreateDbContext();
        Assert.Equal(["medicaid-footnote"], (await db.Articles.Include(a => a.Disclaimers).SingleAsync()).Disclaimers.Select(d => d.Key));
    }

    [SkippableFact]
    public async Task Should_write_nothing_when_any_file_is_invalid()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData()
            .Write("articles/broken.md", "---\ntitle: Broken\ncategory: nowhere\n---\nText.\n");

        var (report, errors) = await Runner.RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);

        Assert.Null(report);
        Assert.Equal(["articles/broken.md:1: category 'nowhere' is not defined in categories.yaml"], errors.Select(e => e.ToString()));
        Assert.True(await Runner.DatabaseIsEmptyAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Should_roll_back_everything_when_the_database_refuses_a_write()
    {
        await ImportAsync(ContentHubFactory.RepositorySeedData);
        await using (var db = _factory.CreateDbContext())
        {
            // A trigger makes the last write of the next import fail, after earlier rows were sent.
            await db.Database.ExecuteSqlRawAsync(RefusePromotionsSql);
        }

        using var folder = SeedFolder.CopyOfRepositorySeedData();
        folder.Write("site.yaml", folder.Read("site.yaml").Replace("name: Back to Life Blog", "name: Changed", StringComparison.Ordinal));
        folder.Write("promotions.yaml", folder.Read("promotions.yaml") + "- key: another\n  heading: Another\n");

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => ImportAsync(folder.Path));

        await using var check = _factory.CreateDbContext();
        Assert.Equal("Back to Life Blog", (await check.Site.SingleAsync()).Name);
    }

    [SkippableFact]
    public async Task Should_import_an_articles_citations_and_expiry_and_a_categorys_required_disclaimers()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        folder.Write("articles/revision-surgery.md", folder.Read("articles/revision-surgery.md").Replace("category: spine-surgery", """
            category: spine-surgery
            expiresAt: 2030-01-01
            citations:
              - title: Spinal hardware removal
                url: https://pubmed.ncbi.nlm.nih.gov/12345678/
                pubMedId: "12345678"
            """.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        folder.Write("categories.yaml", folder.Read("categories.yaml").Replace(
            "parent: treatments\n  description: Spinal", "parent: treatments\n  requiredDisclaimers: [medical-advice]\n  description: Spinal", StringComparison.Ordinal));

        await ImportAsync(folder.Path);
        var again = await ImportAsync(folder.Path);

        Assert.Equal(SeedItems, again.Count(SeedOutcome.Unchanged));
        await using var db = _factory.CreateDbContext();
        var article = await db.Articles.SingleAsync();
        Assert.Equal(new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), article.ExpiresAt);
        Assert.Equal("12345678", article.Citations.Single().PubMedId);
        Assert.Equal(["medical-advice"], (await db.Categories.SingleAsync(c => c.Slug == "spine-surgery")).RequiredDisclaimers);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_refuse_an_import_leaving_a_published_article_in_the_database_without_a_required_disclaimer(bool dryRun)
    {
        await ImportAsync(ContentHubFactory.RepositorySeedData);
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await ArticleMutations.MutateAsync(editor, "publishArticle",
            await ArticleMutations.CreateAsync(editor, new { slug = "desk-posture", title = "Desk posture", body = "Sit up.", category = "conditions" }));
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        folder.Write("disclaimers.yaml", folder.Read("disclaimers.yaml") + "- key: spine-risks\n  title: Spine risks\n  body: Risks.\n");
        folder.Write("categories.yaml", folder.Read("categories.yaml").Replace(
            "  name: Conditions\n", "  name: Conditions\n  requiredDisclaimers: [spine-risks]\n", StringComparison.Ordinal));

        var (report, errors) = await Runner.RunAsync(folder.Path, dryRun, force: false, progress: null, CancellationToken.None);

        Assert.Null(report);
        var error = Assert.Single(errors);
        Assert.Equal("categories.yaml", error.File);
        Assert.Contains("'spine-risks', required by the category 'conditions', would no longer reach the published article 'desk-posture'", error.Message, StringComparison.Ordinal);
        await using var db = _factory.CreateDbContext();
        Assert.Empty((await db.Categories.SingleAsync(c => c.Slug == "conditions")).RequiredDisclaimers);
        Assert.False(await db.Disclaimers.AnyAsync(d => d.Key == "spine-risks"));
    }

    [SkippableFact]
    public async Task Should_accept_an_import_that_requires_a_disclaimer_and_attaches_it_to_the_articles_in_the_same_run()
    {
        await ImportAsync(ContentHubFactory.RepositorySeedData);
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        folder.Write("disclaimers.yaml", folder.Read("disclaimers.yaml") + "- key: spine-risks\n  title: Spine risks\n  body: Risks.\n");
        folder.Write("categories.yaml", folder.Read("categories.yaml").Replace(
            "parent: treatments\n", "parent: treatments\n  requiredDisclaimers: [spine-risks]\n", StringComparison.Ordinal));
        folder.Write("articles/revision-surgery.md", folder.Read("articles/revision-surgery.md").Replace(
            "category: spine-surgery\n", "category: spine-surgery\ndisclaimers: [spine-risks]\n", StringComparison.Ordinal));

        var report = await ImportAsync(folder.Path);

        Assert.Contains((SeedKinds.Article, "revision-surgery"), Keys(report, SeedOutcome.Updated));
        await using var db = _factory.CreateDbContext();
        Assert.Equal(["spine-risks"], (await db.Categories.SingleAsync(c => c.Slug == "spine-surgery")).RequiredDisclaimers);
    }

    [SkippableFact]
    public async Task Should_file_synthetic_articles_only_where_they_need_no_disclaimer_of_their_own()
    {
        await ImportAsync(ContentHubFactory.RepositorySeedData);
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = "spine-risks", title = "Spine risks", body = "Risks." });
        var conditions = (await editor.PostQueryAsync("""{ category(slug: "conditions") { id version } }""")).AssertData()["category"]!;
        Assert.Empty((await ContentMutations.MutateAsync(editor, "Category", "updateCategory", conditions, new { requiredDisclaimers = new[] { "spine-risks" } }))["errors"]!.AsArray());

        await _factory.Services.GetRequiredService<SyntheticContent>().GenerateAsync(300, progress: null, CancellationToken.None);

        await using var db = _factory.CreateDbContext();
        var filed = await db.Articles.Where(a => a.Slug.StartsWith("synthetic-")).Select(a => a.Category!.Slug).Distinct().ToListAsync();
        Assert.Contains("wellness", filed);
        Assert.DoesNotContain("conditions", filed);
        Assert.DoesNotContain("synthetic-sciatica", filed); // below conditions
    }

    [SkippableFact]
    public async Task Should_leave_to_editors_each_item_they_own_unless_forced_and_the_trash_even_then()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData()
            .Write("articles/sitting.md", "---\ntitle: Sitting\ncategory: wellness\n---\nSit well.\n")
            .Write("articles/lifting.md", "---\ntitle: Lifting\ncategory: spine-surgery\n---\nBend your knees.\n");
        await ImportAsync(folder.Path);
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, "Test Admin");
        await MutateAsync<Article>(admin, a => a.Slug == "revision-surgery", "update", new { title = "Edited by an editor" });
        await MutateAsync<Category>(admin, c => c.Slug == "spine-surgery", "update", new { slug = "spinal-surgery" });
        await MutateAsync<Disclaimer>(admin, d => d.Key == "medicaid-footnote", "delete");
        await MutateAsync<Article>(admin, a => a.Slug == "sitting", "delete");
        await MutateAsync<Article>(admin, a => a.Slug == "sitting", "purge");
        await ContentMutations.CreatePublishedAsync(admin, "Article", new { title = "Posture", body = "The editor's text.", category = "wellness" });
        folder.Write("articles/posture.md", "---\ntitle: Posture\ncategory: wellness\n---\nThe seed's text.\n");

        var kept = await ImportAsync(folder.Path);
        var forced = await ImportAsync(folder.Path, force: true);
        var after = await ImportAsync(folder.Path);

        Assert.Equal(
            [
                ("category", "spine-surgery", "edited since import, now 'spinal-surgery'"),
                ("disclaimer", "medicaid-footnote", "in the trash"),
                ("article", "posture", "created by an editor"),
                ("article", "revision-surgery", "edited since import"),
                ("article", "sitting", "purged by an editor"),
            ],
            Skipped(kept).OrderBy(item => item.Kind != "category").ThenBy(item => item.Kind != "disclaimer").ThenBy(item => item.Key));
        Assert.Equal("disclaimers.yaml:12", kept.Items.Single(item => item.Key == "medicaid-footnote").Location);
        // Its category skipped under the editor's slug, the seed's article still finds it there.
        Assert.Equal(SeedOutcome.Unchanged, kept.Items.Single(item => item.Key == "lifting").Outcome);
        Assert.Equal([("disclaimer", "medicaid-footnote", "in the trash")], Skipped(forced));
        Assert.Equal([("article", "sitting")], Keys(forced, SeedOutcome.Created));
        Assert.Equal([("category", "spine-surgery"), ("article", "posture"), ("article", "revision-surgery")],
            Keys(forced, SeedOutcome.Updated).OrderBy(item => item.Kind != "category").ThenBy(item => item.Key));
        Assert.Equal([("disclaimer", "medicaid-footnote", "in the trash")], Skipped(after)); // the seed owns the others again
        Assert.Empty(Keys(after, SeedOutcome.Updated));
        await using var db = _factory.CreateDbContext();
        var operations = await db.Revisions.Where(r => r.ContentType == "Article").OrderBy(r => r.Id).Select(r => r.Operation).ToListAsync();
        Assert.Equal(3, operations.Count(operation => operation == ContentImporter<Article, ArticleSeed>.ForcedOperation));
        Assert.Equal("The seed's text.", (await db.Articles.SingleAsync(a => a.Slug == "posture")).Body.Markdown);
    }

    [SkippableFact]
    public async Task Should_read_a_seed_key_as_a_retired_slug_of_its_own_content_type_only()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        await ImportAsync(folder.Path);
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, "Test Admin");
        await MutateAsync<Category>(admin, c => c.Slug == "spine-surgery", "update", new { slug = "spinal-surgery" });
        folder.Write("articles/spine-surgery.md", "---\ntitle: Spine Surgery\ncategory: wellness\n---\nAn article under a category's old slug.\n");

        var report = await ImportAsync(folder.Path);

        Assert.Equal(SeedOutcome.Created, report.Items.Single(item => (item.Kind, item.Key) == ("article", "spine-surgery")).Outcome);
        Assert.Equal(("category", "spine-surgery", "edited since import, now 'spinal-surgery'"), Assert.Single(Skipped(report)));
    }

    [SkippableFact]
    public async Task Should_stop_at_the_first_item_its_editor_refuses_and_write_nothing()
    {
        using var folder = SeedFolder.CopyOfRepositorySeedData();
        await ImportAsync(folder.Path);
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = "stretching-warning", title = "Stretch with care", body = "Stop if it hurts." });
        await MutateAsync<Category>(editor, c => c.Slug == "non-surgical-care", "update", new { requiredDisclaimers = new[] { "stretching-warning" } });
        folder.Write("articles/stretching.md", "---\ntitle: Stretching\ncategory: non-surgical-care\n---\nStretch.\n")
            .Write("articles/yoga.md", "---\ntitle: Yoga\ncategory: non-surgical-care\n---\nBreathe.\n");

        var (report, errors) = await Runner.RunAsync(folder.Path, dryRun: false, force: false, progress: null, CancellationToken.None);

        Assert.Null(report);
        var error = Assert.Single(errors); // the first refusal ends the run: yoga, refused as well, is not reached
        Assert.Equal(("articles/stretching.md", 1), (error.File, error.Line));
        Assert.Contains("'stretching-warning'", error.Message, StringComparison.Ordinal);
        await using var db = _factory.CreateDbContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Slug == "stretching" || a.Slug == "yoga"));
    }

    [SkippableFact]
    public async Task Should_report_a_dry_run_and_write_nothing()
    {
        var (report, errors) = await Runner.RunAsync(ContentHubFactory.RepositorySeedData, dryRun: true, force: false, progress: null, CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal(SeedItems, report!.Count(SeedOutcome.Created));
        Assert.True(await Runner.DatabaseIsEmptyAsync(CancellationToken.None));
    }

    private async Task<SeedReport> ImportAsync(string folder, bool force = false)
    {
        var (report, errors) = await Runner.RunAsync(folder, dryRun: false, force, progress: null, CancellationToken.None);
        Assert.Empty(errors);
        return report!;
    }

    private static List<(string Kind, string Key, string? Reason)> Skipped(SeedReport report) =>
        report.Items.Where(item => item.Outcome == SeedOutcome.Skipped).Select(item => (item.Kind, item.Key, item.Reason)).ToList();

    private Task MutateAsync<TEntity>(HttpClient editor, Expression<Func<TEntity, bool>> which, string operation, object? input = null)
        where TEntity : ContentItem =>
        ContentMutations.MutateWhereAsync(_factory, editor, which, operation, input);

    private static List<(string Kind, string Key)> Keys(SeedReport report, SeedOutcome outcome) =>
        report.Items.Where(item => item.Outcome == outcome).Select(item => (item.Kind, item.Key)).ToList();

    private async Task<List<DateTime>> UpdatedAtStampsAsync()
    {
        await using var db = _factory.CreateDbContext();
        return [.. await db.Articles.Select(a => a.UpdatedAt).ToListAsync(), .. await db.Categories.Select(c => c.UpdatedAt).ToListAsync(),
            .. await db.Disclaimers.Select(d => d.UpdatedAt).ToListAsync(), .. await db.Site.Select(s => s.UpdatedAt).ToListAsync()];
    }

    public sealed class OnSqlite() : SeedImportTests(new EmptyContentHubFactory())
    {
        protected override string RefusePromotionsSql =>
            "CREATE TRIGGER refuse_promotion BEFORE INSERT ON Promotions BEGIN SELECT RAISE(ABORT, 'refused'); END;";
    }

    public sealed class OnPostgreSql() : SeedImportTests(new CustomContentHubFactory(TestDatabase.PostgreSql, ("Seeding:OnStartup", "false")))
    {
        protected override string RefusePromotionsSql => """
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
            CREATE TRIGGER refuse_promotion BEFORE INSERT ON "Promotions" FOR EACH ROW EXECUTE FUNCTION refuse();
            """;
    }
}
