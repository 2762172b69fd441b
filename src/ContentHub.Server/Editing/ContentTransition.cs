using ContentHub.Server.Access;
using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>A change of an item's publication status, and the statuses it may start from.</summary>
/// <param name="Operation">The mutation's verb, e.g. <c>publish</c>.</param>
/// <param name="Permission">What the caller needs (deleting a live item needs <see cref="Permissions.Publish"/> as well, as any change to one does).</param>
/// <param name="To">The status it moves the item to.</param>
/// <param name="From">The statuses it may move an item from.</param>
public sealed record ContentTransition(string Operation, Permissions Permission, PublicationStatus To, params PublicationStatus[] From)
{
    public static readonly ContentTransition Publish = new("publish", Permissions.Publish, PublicationStatus.Published, PublicationStatus.Draft, PublicationStatus.Archived);
    public static readonly ContentTransition Unpublish = new("unpublish", Permissions.Publish, PublicationStatus.Draft, PublicationStatus.Published);
    public static readonly ContentTransition Archive = new("archive", Permissions.Publish, PublicationStatus.Archived, PublicationStatus.Draft, PublicationStatus.Published);
    public static readonly ContentTransition Delete = new("delete", Permissions.Write, PublicationStatus.Trashed, PublicationStatus.Draft, PublicationStatus.Published, PublicationStatus.Archived);
    public static readonly ContentTransition Restore = new("restore", Permissions.Write, PublicationStatus.Draft, PublicationStatus.Trashed);

    /// <summary>Moves <paramref name="item"/> on, or says why it cannot.</summary>
    public FieldError? ApplyTo(ContentItem item, DateTime now)
    {
        if (!From.Contains(item.Status))
        {
            return new FieldError("id", EditingErrorCodes.InvalidState,
                $"Cannot {Operation} a {Name(item.Status)} item; it must be {string.Join(" or ", From.Select(Name))}.");
        }

        item.Status = To;
        item.PublishScheduledAt = null;
        if (To == PublicationStatus.Published)
        {
            item.PublishedAt ??= now; // a scheduled unpublish stays: "publish now, withdraw later"
        }
        else
        {
            item.UnpublishScheduledAt = null;
        }

        return null;
    }

    private static string Name(PublicationStatus status) => status.ToString().ToLowerInvariant();
}
