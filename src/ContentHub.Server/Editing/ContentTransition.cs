using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>A change of an item's publication status, and the statuses it may start from.</summary>
public sealed record ContentTransition(string Operation, PublicationStatus To, params PublicationStatus[] From)
{
    public static readonly ContentTransition Publish = new("publish", PublicationStatus.Published, PublicationStatus.Draft, PublicationStatus.Archived);
    public static readonly ContentTransition Unpublish = new("unpublish", PublicationStatus.Draft, PublicationStatus.Published);
    public static readonly ContentTransition Archive = new("archive", PublicationStatus.Archived, PublicationStatus.Draft, PublicationStatus.Published);
    public static readonly ContentTransition Delete = new("delete", PublicationStatus.Trashed, PublicationStatus.Draft, PublicationStatus.Published, PublicationStatus.Archived);
    public static readonly ContentTransition Restore = new("restore", PublicationStatus.Draft, PublicationStatus.Trashed);

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
