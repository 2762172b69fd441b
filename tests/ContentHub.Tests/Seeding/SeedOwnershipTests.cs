using System.Linq.Expressions;
using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// Re-running <c>seed</c> (the real executable) on a database editors have worked on: what they changed is theirs
/// and skipped, <c>--force</c> overwrites as audited writes by <c>seed</c>, and <c>--dry-run</c> shows the same plan.
/// </summary>
public abstract class SeedOwnershipTests : IDisposable
{
    private const string Posture = "---\ntitle: Posture at Work\ncategory: spine-surgery\n---\nSit well.\n";

    private readonly ContentHubFactory _factory;
    private readonly SeedFolder _folder = SeedFolder.CopyOfRepositorySeedData().Write("articles/posture.md", Posture);

    private SeedOwnershipTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _folder.Dispose();
    }

    [SkippableFact]
    public async Task Should_skip_what_editors_changed_and_update_only_what_the_seed_still_owns()
    {
        await EditAfterFirstImportAsync();
        var auditBefore = await CountAsync(db => db.AuditLog);

        var dryRun = await SeedAsync("--dry-run");
        Assert.Equal(auditBefore, await CountAsync(db => db.AuditLog));
        var rerun = await SeedAsync();
        var again = await SeedAsync();

        Assert.Equal(Lines(rerun).Select(line => "would be " + line), Lines(dryRun)[..^1]);
        Assert.Contains("skipped (edited since import) article revision-surgery at articles/revision-surgery.md:1", rerun, StringComparison.Ordinal);
        Assert.Contains("skipped (edited since import, now 'spinal-surgery') category spine-surgery at categories.yaml:6", rerun, StringComparison.Ordinal);
        Assert.Contains("skipped (in the trash) disclaimer medicaid-footnote at disclaimers.yaml:12", rerun, StringComparison.Ordinal);
        Assert.Contains("skipped (edited since import) fact back-pain-prevalence at facts.yaml:2", rerun, StringComparison.Ordinal);
        Assert.Contains("updated   article posture", rerun, StringComparison.Ordinal);
        Assert.Contains("updated   promotion find-a-spine-institute", rerun, StringComparison.Ordinal);
        Assert.Contains("Seeded", rerun, StringComparison.Ordinal);
        Assert.Contains("0 created, 2 updated, 8 unchanged, 4 skipped.", rerun, StringComparison.Ordinal);
        Assert.Contains("0 created, 0 updated, 10 unchanged, 4 skipped.", again, StringComparison.Ordinal);

        await using var db = _factory.CreateDbContext();
        var article = await db.Articles.SingleAsync(a => a.Slug == "revision-surgery");
        Assert.Equal(("Edited by an editor", PublicationStatus.Archived, 3), (article.Title, article.Status, article.Version));
        Assert.Equal(5, await db.Categories.CountAsync()); // the renamed category is not created again
        var posture = await db.Articles.Include(a => a.Category).SingleAsync(a => a.Slug == "posture");
        Assert.Equal(("spinal-surgery", "Sit well, and often."), (posture.Category!.Slug, posture.Body.Markdown));
        Assert.Equal(PublicationStatus.Trashed, (await db.Disclaimers.SingleAsync(d => d.Key == "medicaid-footnote")).Status);
        Assert.Equal(3, (await db.Facts.SingleAsync()).Version);
        var promotion = await db.Promotions.SingleAsync();
        Assert.Equal(("Just enter your zip code to get started on your road to recovery", 2), (promotion.Body, promotion.Version));
        var revision = await db.Revisions.SingleAsync(r => r.ContentType == "Promotion" && r.Version == 2);
        Assert.Equal(("seed", "import"), (revision.Actor, revision.Operation));
        Assert.Equal(["body"], revision.ChangedFields);
        Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Actor == "seed" && e.Operation == "importPromotion" && e.TargetId == promotion.Id)); // created, updated
    }

    [SkippableFact]
    public async Task Should_overwrite_with_force_as_ordinary_writes_that_keep_the_editors_status()
    {
        await EditAfterFirstImportAsync();

        var forced = await SeedAsync("--force");
        var after = await SeedAsync();

        Assert.Contains("updated   article revision-surgery", forced, StringComparison.Ordinal);
        Assert.Contains("updated   category spine-surgery", forced, StringComparison.Ordinal);
        Assert.Contains("skipped (in the trash) disclaimer medicaid-footnote", forced, StringComparison.Ordinal);
        Assert.Contains("unchanged fact back-pain-prevalence", forced, StringComparison.Ordinal); // re-published: same fields
        Assert.Contains("unchanged article revision-surgery", after, StringComparison.Ordinal); // the seed owns it again

        await using var db = _factory.CreateDbContext();
        var article = await db.Articles.SingleAsync(a => a.Slug == "revision-surgery");
        Assert.Equal(("Revision Surgery", PublicationStatus.Archived, 4), (article.Title, article.Status, article.Version));
        var history = await db.Revisions.Where(r => r.ContentType == "Article" && r.ContentId == article.Id).OrderBy(r => r.Version).ToListAsync();
        Assert.Equal(
            [("seed", "import"), ("Test Editor", "update"), ("Test Editor", "archive"), ("seed", "forceImport")],
            history.Select(r => (r.Actor, r.Operation)));
        Assert.Equal(["title"], history[^1].ChangedFields);
        Assert.Single(await db.AuditLog.Where(e => e.Actor == "seed" && e.Operation == "forceImportArticle" && e.TargetId == article.Id).ToListAsync());

        var category = await db.Categories.SingleAsync(c => c.Id == article.CategoryId);
        Assert.Equal(("spine-surgery", 3), (category.Slug, category.Version));
        Assert.Equal(category.Id, (await db.RetiredSlugs.SingleAsync(s => s.Slug == "spinal-surgery")).ContentId); // the editor's slug redirects
        Assert.Equal(category.Id, (await db.Articles.SingleAsync(a => a.Slug == "posture")).CategoryId);
    }

    [SkippableFact]
    public async Task Should_leave_items_editors_created_or_purged_to_them_unless_forced()
    {
        await SeedAsync();
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin, "Test Admin");
        await MutateAsync<Article>(admin, a => a.Slug == "revision-surgery", "delete");
        await MutateAsync<Article>(admin, a => a.Slug == "revision-surgery", "purge");
        _folder.Write("articles/sitting.md", "---\ntitle: Sitting\ncategory: wellness\n---\nThe seed's text.\n");
        await ContentMutations.CreatePublishedAsync(admin, "Article", new { title = "Sitting", body = "The editor's text.", category = "wellness" });

        var rerun = await SeedAsync();
        var forced = await SeedAsync("--force");

        Assert.Contains("skipped (purged by an editor) article revision-surgery at articles/revision-surgery.md:1", rerun, StringComparison.Ordinal);
        Assert.Contains("skipped (created by an editor) article sitting at articles/sitting.md:1", rerun, StringComparison.Ordinal);
        Assert.Contains("created   article revision-surgery", forced, StringComparison.Ordinal);
        Assert.Contains("updated   article sitting", forced, StringComparison.Ordinal);
        await using var db = _factory.CreateDbContext();
        Assert.Equal("The seed's text.", (await db.Articles.SingleAsync(a => a.Slug == "sitting")).Body.Markdown);
    }

    [SkippableFact]
    public async Task Should_refuse_an_import_that_would_publish_an_article_without_a_disclaimer_an_editor_made_required()
    {
        await SeedAsync();
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await ContentMutations.CreatePublishedAsync(editor, "Disclaimer", new { key = "stretching-warning", title = "Stretch with care", body = "Stop if it hurts." });
        await MutateAsync<Category>(editor, c => c.Slug == "non-surgical-care", "update", new { requiredDisclaimers = new[] { "stretching-warning" } });
        _folder.Write("articles/stretching.md", "---\ntitle: Stretching\ncategory: non-surgical-care\n---\nStretch.\n");

        foreach (var options in new string[][] { [], ["--dry-run"] })
        {
            var result = await ServerProcess.RunAsync(["seed", "--path", _folder.Path, .. options], _factory);

            Assert.True(result.ExitCode == 1, $"seed {string.Join(' ', options)}: {result.StandardOutput}");
            Assert.Contains("articles/stretching.md:1: ", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("'stretching-warning'", result.StandardError, StringComparison.Ordinal);
        }

        await using (var db = _factory.CreateDbContext())
        {
            Assert.False(await db.Articles.AnyAsync(a => a.Slug == "stretching"));
        }

        // Forced, the category gets the seed's fields back, without the requirement, and the article may be published.
        Assert.Contains("created   article stretching", await SeedAsync("--force"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Seeds, then edits as editors do: an article's title and its archiving, a category's slug, a disclaimer into the
    /// trash, a fact unpublished and published again. The seed files then change the article, the posture article
    /// (in the renamed category) and the promotion, which nobody edited.
    /// </summary>
    private async Task EditAfterFirstImportAsync()
    {
        await SeedAsync();
        var editor = await _factory.CreateClientAsync(ApiKeyRole.Editor);
        await MutateAsync<Article>(editor, a => a.Slug == "revision-surgery", "update", new { title = "Edited by an editor" });
        await MutateAsync<Article>(editor, a => a.Slug == "revision-surgery", "archive");
        await MutateAsync<Category>(editor, c => c.Slug == "spine-surgery", "update", new { slug = "spinal-surgery" });
        await MutateAsync<Disclaimer>(editor, d => d.Key == "medicaid-footnote", "delete");
        await MutateAsync<Fact>(editor, f => f.Key == "back-pain-prevalence", "unpublish");
        await MutateAsync<Fact>(editor, f => f.Key == "back-pain-prevalence", "publish");

        _folder.Write("articles/posture.md", Posture.Replace("Sit well.", "Sit well, and often.", StringComparison.Ordinal));
        _folder.Write("promotions.yaml", _folder.Read("promotions.yaml").Replace("body: Simply enter", "body: Just enter", StringComparison.Ordinal));
    }

    private async Task<string> SeedAsync(params string[] options)
    {
        var result = await ServerProcess.RunAsync(["seed", "--path", _folder.Path, .. options], _factory);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => !line.StartsWith("Seeded", StringComparison.Ordinal)).ToArray();

    private async Task<int> CountAsync<T>(Func<Server.Data.ContentHubDbContext, IQueryable<T>> rows)
    {
        await using var db = _factory.CreateDbContext();
        return await rows(db).CountAsync();
    }

    private Task MutateAsync<TEntity>(HttpClient editor, Expression<Func<TEntity, bool>> which, string operation, object? input = null)
        where TEntity : ContentItem =>
        ContentMutations.MutateWhereAsync(_factory, editor, which, operation, input);

    public sealed class OnSqlite() : SeedOwnershipTests(new EmptyContentHubFactory());

    public sealed class OnPostgreSql() : SeedOwnershipTests(new CustomContentHubFactory(TestDatabase.PostgreSql, ("Seeding:OnStartup", "false")));
}
