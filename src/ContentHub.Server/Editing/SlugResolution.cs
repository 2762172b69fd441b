namespace ContentHub.Server.Editing;

/// <summary>The answer to "what is at this slug?": a status, the slug to use and the item when there is one to show.</summary>
public sealed record SlugResolution<TEntity>(SlugStatus Status, string? Slug, TEntity? Item)
    where TEntity : class
{
    public static readonly SlugResolution<TEntity> NotFound = new(SlugStatus.NotFound, null, null);

    public static readonly SlugResolution<TEntity> Gone = new(SlugStatus.Gone, null, null);
}
