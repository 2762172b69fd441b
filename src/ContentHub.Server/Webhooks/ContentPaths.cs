using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// The public pages an item appears on, as paths a front end maps to its routes: <c>/articles/{slug}</c> for an item
/// with a public slug, and for an article also its category's page, <c>/categories/{slug}</c>. Keyed content (facts,
/// disclaimers, promotions) has no page of its own: its events name the surrogate keys only.
/// </summary>
public static class ContentPaths
{
    public static IReadOnlyList<string> Of(ContentItem item, string typeName, string slug, bool hasPublicSlug)
    {
        if (!hasPublicSlug)
        {
            return [];
        }

        List<string> paths = [$"{ListOf(typeName)}/{slug}"];
        if (item is Article { Category: { } category })
        {
            paths.Add($"{ListOf(nameof(Category))}/{category.Slug}");
        }

        return paths;
    }

    /// <summary><c>/articles</c>: the type's list page.</summary>
    public static string ListOf(string typeName) => "/" + ContentKeys.Collection(typeName);
}
