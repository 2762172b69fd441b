using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>
/// The disclaimers an article's category and the categories above it require, checked before the article goes
/// live. An article carries a disclaimer when readers would see it with the article: published, and attached to
/// the article, attached to its category, or site-wide.
/// </summary>
public static class RequiredDisclaimers
{
    public static async Task<IReadOnlyList<FieldError>> MissingAsync(ContentHubDbContext db, Article article, CancellationToken cancellationToken)
    {
        if (article.CategoryId is not { } categoryId)
        {
            return [];
        }

        var required = await RequiredByAsync(db, categoryId, cancellationToken);
        if (required.Count == 0)
        {
            return [];
        }

        var keys = required.Select(r => r.Key).Distinct().ToList();
        var categoryLinks = db.Set<Dictionary<string, object>>("CategoryDisclaimers")
            .Where(link => EF.Property<int>(link, "CategoryId") == categoryId);
        var carried = await db.Disclaimers.AsNoTracking()
            .Where(d => keys.Contains(d.Key) && d.Status == PublicationStatus.Published)
            .Where(d => d.SiteWide || categoryLinks.Any(link => EF.Property<int>(link, "DisclaimersId") == d.Id))
            .Select(d => d.Key)
            .ToListAsync(cancellationToken);
        carried.AddRange(article.Disclaimers.Where(d => d.Status == PublicationStatus.Published).Select(d => d.Key));

        return required.Where(r => !carried.Contains(r.Key)).DistinctBy(r => r.Key)
            .Select(r => new FieldError("disclaimers", EditingErrorCodes.DisclaimerRequired,
                $"Articles in the category '{r.Category}' need the disclaimer '{r.Key}' to be published: attach it (published) to the article or its category."))
            .ToList();
    }

    /// <summary>Each required key with the category that requires it, from the article's category up to the root.</summary>
    private static async Task<List<(string Key, string Category)>> RequiredByAsync(ContentHubDbContext db, int categoryId, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.ParentId, c.Slug, c.RequiredDisclaimers })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var required = new List<(string Key, string Category)>();
        var seen = new HashSet<int>();
        for (int? id = categoryId; id is { } current && seen.Add(current) && categories.TryGetValue(current, out var category); id = category.ParentId)
        {
            required.AddRange(category.RequiredDisclaimers.Select(key => (key, category.Slug)));
        }

        return required;
    }
}
