namespace ContentHub.Server.Content;

/// <summary>
/// The one rule deciding what a reader may see. Every root field and every relation filters through it,
/// so a draft is indistinguishable from an item that does not exist.
/// </summary>
public static class Visibility
{
    public static IQueryable<T> VisibleToPublic<T>(this IQueryable<T> items)
        where T : IPublishable =>
        items.Where(item => item.Status == PublicationStatus.Published);
}
