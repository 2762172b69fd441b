using ContentHub.Server.Access;

namespace ContentHub.Server.Content;

/// <summary>
/// The one rule deciding what a reader may see. Every root field and every relation filters through it,
/// so to an anonymous reader a draft is indistinguishable from an item that does not exist.
/// Editors see every item that is not in the trash.
/// </summary>
public static class Visibility
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, Viewer viewer)
        where T : IPublishable =>
        items.VisibleTo(viewer.IsEditor);

    /// <summary>The same rule for a reader known only as an editor or not.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> items, bool editor)
        where T : IPublishable =>
        editor
            ? items.Where(item => item.Status != PublicationStatus.Trashed)
            : items.Where(item => item.Status == PublicationStatus.Published);

    /// <summary>
    /// The rule for looking up one item by id or slug: a caller holding a preview token also sees the one item
    /// it names (unless trashed; with a version-bound token, only while the item is at that version). Lists and
    /// relations use <see cref="VisibleTo{T}(IQueryable{T}, Viewer)"/>: previews do not leak into them.
    /// </summary>
    public static IQueryable<T> VisibleOrPreviewedBy<T>(this IQueryable<T> items, Viewer viewer)
        where T : IPublishable =>
        viewer.IsEditor || viewer.PreviewOf<T>() is not { } grant ? items.VisibleTo(viewer) : items.VisibleOrPreviewed(grant);

    /// <summary>
    /// The lookup rule for a reader holding a preview token, which reads the token's item from <paramref name="preview"/>'s
    /// members: a compiled query makes them its parameters.
    /// </summary>
    public static IQueryable<T> VisibleOrPreviewed<T>(this IQueryable<T> items, IPreviewValues preview)
        where T : IPublishable =>
        items.Where(item => item.Status == PublicationStatus.Published
            || (item.Id == preview.PreviewedId && item.Status != PublicationStatus.Trashed
                && (preview.PreviewedVersion == null || item.Version == preview.PreviewedVersion)));

    /// <summary>The same rule for an item already read, e.g. a relation loaded with its owner.</summary>
    public static bool IsVisibleTo(this IPublishable item, Viewer viewer) =>
        viewer.IsEditor ? item.Status != PublicationStatus.Trashed : item.Status == PublicationStatus.Published;
}
