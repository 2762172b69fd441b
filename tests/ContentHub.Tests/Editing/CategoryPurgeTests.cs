using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Tests.Editing;

/// <summary>
/// A trashed category is purged only once nothing is filed under it: sub-categories and articles, in the trash or
/// not, are named in an INVALID_STATE error (rather than a foreign key failing, which PostgreSQL and SQL Server
/// answered with a 500), and the category stays.
/// </summary>
public abstract class CategoryPurgeTests : IDisposable
{
    private readonly ContentHubFactory _factory;

    private CategoryPurgeTests(ContentHubFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    public void Dispose() => _factory.Dispose();

    [SkippableFact]
    public async Task Should_refuse_to_purge_a_category_that_sub_categories_and_articles_are_still_filed_under()
    {
        var admin = await _factory.CreateClientAsync(ApiKeyRole.Admin);
        var parent = await ContentMutations.CreatePublishedAsync(admin, "Category", new { slug = "purge-parent", name = "Purge parent" });
        var child = await ContentMutations.CreatePublishedAsync(admin, "Category", new { slug = "purge-child", name = "Purge child", parent = "purge-parent" });
        var article = await ArticleMutations.CreateAsync(admin, new { slug = "purge-article", title = "Purge article", body = "Text.", category = "purge-parent" });
        parent = (await ContentMutations.MutateAsync(admin, "Category", "deleteCategory", parent))["category"]!;

        var refused = await ContentMutations.MutateAsync(admin, "Category", "purgeCategory", parent);

        var error = refused["errors"]!.AsArray().Single()!;
        Assert.Equal(("id", "INVALID_STATE"), (error["field"]!.GetValue<string>(), error["code"]!.GetValue<string>()));
        Assert.Contains("sub-category 'purge-child'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("article 'purge-article'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await using (var db = _factory.CreateDbContext())
        {
            Assert.True(await db.Categories.AnyAsync(c => c.Slug == "purge-parent"));
        }

        await PurgeAsync(admin, "Category", child);
        await PurgeAsync(admin, "Article", article);
        Assert.Empty((await ContentMutations.MutateAsync(admin, "Category", "purgeCategory", parent))["errors"]!.AsArray());
    }

    private static async Task PurgeAsync(HttpClient admin, string typeName, JsonNode item)
    {
        var field = typeName.ToLowerInvariant();
        var trashed = (await ContentMutations.MutateAsync(admin, typeName, $"delete{typeName}", item))[field]!;
        Assert.Empty((await ContentMutations.MutateAsync(admin, typeName, $"purge{typeName}", trashed))["errors"]!.AsArray());
    }

    public sealed class OnSqlite() : CategoryPurgeTests(new EmptyContentHubFactory());

    public sealed class OnPostgreSql() : CategoryPurgeTests(new CustomContentHubFactory(TestDatabase.PostgreSql, ("Seeding:OnStartup", "false")));
}
