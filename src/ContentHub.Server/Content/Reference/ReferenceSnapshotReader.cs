using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Data;
using ContentHub.Server.Site;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Content.Reference;

/// <summary>Reads a <see cref="ReferenceSnapshot"/> from the database, with the visibility rule anonymous readers get.</summary>
public static class ReferenceSnapshotReader
{
    public static async Task<ReferenceSnapshot> ReadAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        var anonymous = Viewer.Anonymous;
        var categories = await db.Categories.AsNoTracking().VisibleTo(anonymous)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);
        var disclaimers = await db.Disclaimers.AsNoTracking().VisibleTo(anonymous)
            .OrderBy(d => d.Placement).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        var links = await db.Set<Dictionary<string, object>>(CategoryConfiguration.DisclaimerLinks)
            .Select(link => new { CategoryId = EF.Property<int>(link, "CategoryId"), DisclaimerId = EF.Property<int>(link, "DisclaimersId") })
            .ToListAsync(cancellationToken);
        var facts = await db.Facts.AsNoTracking().VisibleTo(anonymous).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        var site = await db.Site.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        return new ReferenceSnapshot(categories, disclaimers, links.Select(link => (link.CategoryId, link.DisclaimerId)), facts, site);
    }
}
