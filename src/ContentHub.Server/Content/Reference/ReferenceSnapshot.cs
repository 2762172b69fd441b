using ContentHub.Server.Categories;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using ContentHub.Server.Site;

namespace ContentHub.Server.Content.Reference;

/// <summary>
/// The small, rarely changing content every page shows, as anonymous readers see it: published categories,
/// disclaimers and facts (all of them, whatever their active window) and the site settings. Lists keep the order the
/// database gave them (its collation orders names). Every request shares the items: nothing may change them.
/// </summary>
public sealed class ReferenceSnapshot
{
    public ReferenceSnapshot(
        IReadOnlyList<Category> categories,
        IReadOnlyList<Disclaimer> disclaimers,
        IEnumerable<(int CategoryId, int DisclaimerId)> categoryDisclaimerLinks,
        IReadOnlyList<Fact> facts,
        SiteSettings? site)
    {
        Categories = categories;
        CategoryById = categories.ToDictionary(c => c.Id);
        CategoriesUnder = categories.ToLookup(c => c.ParentId);
        Disclaimers = disclaimers;
        DisclaimerIdsOfCategory = categoryDisclaimerLinks.ToLookup(link => link.CategoryId, link => link.DisclaimerId);
        Facts = facts;
        Site = site;
    }

    /// <summary>Published categories, by sort order and then name.</summary>
    public IReadOnlyList<Category> Categories { get; }

    public IReadOnlyDictionary<int, Category> CategoryById { get; }

    /// <summary>Published categories by their parent's id (null: the top level), by sort order and then name.</summary>
    public ILookup<int?, Category> CategoriesUnder { get; }

    /// <summary>Published disclaimers, by placement, sort order and id.</summary>
    public IReadOnlyList<Disclaimer> Disclaimers { get; }

    /// <summary>
    /// The disclaimers attached to each category, whatever the category's status: an article shows its category's
    /// disclaimers even while the category itself is hidden.
    /// </summary>
    public ILookup<int, int> DisclaimerIdsOfCategory { get; }

    /// <summary>Published facts by id, active now or not: readers filter by the clock when they read.</summary>
    public IReadOnlyList<Fact> Facts { get; }

    public SiteSettings? Site { get; }
}
