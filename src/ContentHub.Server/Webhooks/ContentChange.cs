using ContentHub.Server.Content;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// One item's change as the editing pipeline staged it in its transaction, what the outbox tells endpoints about:
/// who, by which revision operation (e.g. <c>publish</c>), the item and its slug or key after the change, the fields
/// whose values changed, the keys of the cached answers it invalidates (<see cref="ContentKeys"/>) and the item
/// before the change (none when the change created it).
/// </summary>
public sealed record ContentChange(
    string Actor,
    string Operation,
    string ContentType,
    bool HasPublicSlug,
    ContentItem Item,
    string Slug,
    IReadOnlyList<string> ChangedFields,
    IReadOnlyCollection<string> SurrogateKeys,
    ChangeOrigin? Before);

/// <summary>
/// What an item was before a change, read before the change touches it: its slug, status, pages, and whether a
/// withdrawal was scheduled (the scheduler's archive carries it out; without one, it is an expiry).
/// </summary>
public sealed record ChangeOrigin(string Slug, PublicationStatus Status, bool UnpublishScheduled, IReadOnlyList<string> Paths)
{
    public static ChangeOrigin Of(ContentItem item, string typeName, string slug, bool hasPublicSlug) =>
        new(slug, item.Status, item.UnpublishScheduledAt is not null, ContentPaths.Of(item, typeName, slug, hasPublicSlug));
}
