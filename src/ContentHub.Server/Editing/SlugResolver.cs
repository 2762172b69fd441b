using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL.Caching;
using ContentHub.Server.Seeding;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Editing;

/// <summary>
/// Resolves any slug a content type's items ever had, for front ends turning URLs into pages. Visibility
/// rules hold: to an anonymous caller a draft is not found, while archived and deleted items are gone.
/// </summary>
public sealed class SlugResolver<TEntity, TInput>(IDbContextFactory<ContentHubDbContext> contexts, IEditableContent<TEntity, TInput> content)
    where TEntity : ContentItem
    where TInput : class, ISeed
{
    private readonly Func<TEntity, string> _slugOf = content.NaturalKey.Compile();

    /// <summary>
    /// What <paramref name="slug"/> stands for; tells <paramref name="policy"/> what the answer read, drafts and
    /// withdrawn items included (a draft's answer is not found, an archived one's gone).
    /// </summary>
    public async Task<SlugResolution<TEntity>> ResolveAsync(Viewer viewer, string slug, ResponseCachePolicy policy, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = db.Set<TEntity>().AsNoTracking();
        if (await items.FirstOrDefaultAsync(NaturalKey.Is(content.NaturalKey, slug), cancellationToken) is { } current)
        {
            policy.Read(ContentKeys.Item(current));
            return Describe(current, viewer, SlugStatus.Current);
        }

        // No item holds the slug now: one created with it, or renamed to it, changes the answer.
        policy.Read(ContentKeys.Slugs(content.TypeName));
        var retired = await db.RetiredSlugs.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ContentType == content.TypeName && s.Slug == slug, cancellationToken);
        if (retired is null)
        {
            return SlugResolution<TEntity>.NotFound;
        }

        policy.Read(ContentKeys.Item(content.TypeName, retired.ContentId));
        var moved = await items.FirstOrDefaultAsync(e => e.Id == retired.ContentId, cancellationToken);
        return moved is null ? SlugResolution<TEntity>.Gone : Describe(moved, viewer, SlugStatus.Redirect);
    }

    private SlugResolution<TEntity> Describe(TEntity item, Viewer viewer, SlugStatus whenVisible)
    {
        if (item.IsVisibleTo(viewer))
        {
            return new SlugResolution<TEntity>(whenVisible, _slugOf(item), item);
        }

        // Gone only what readers once saw: a slug that was never public is not found.
        return item.Status is PublicationStatus.Archived or PublicationStatus.Trashed && item.PublishedAt is not null
            ? SlugResolution<TEntity>.Gone
            : SlugResolution<TEntity>.NotFound;
    }
}
