namespace ContentHub.Server.Webhooks;

/// <summary>The <c>type</c> of every event an endpoint may ask for.</summary>
public static class WebhookEventTypes
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Archived = "archived";
    public const string Trashed = "trashed";
    public const string Restored = "restored";
    public const string Purged = "purged";
    public const string SlugChanged = "slugChanged";

    /// <summary>The scheduler published an item at its <c>publishScheduledAt</c>.</summary>
    public const string SchedulePublished = "schedulePublished";

    /// <summary>The scheduler withdrew (archived) an item at its <c>unpublishScheduledAt</c>.</summary>
    public const string ScheduleWithdrawn = "scheduleWithdrawn";

    /// <summary>The scheduler archived an article whose advice expired (<c>Articles:WhenExpired</c> = <c>Archive</c>).</summary>
    public const string Expired = "expired";

    /// <summary>A published article's medical review fell due (<c>nextReviewDue</c>): once per due date.</summary>
    public const string ReviewDue = "reviewDue";

    /// <summary>A seed import finished: one summary, not one event per item.</summary>
    public const string SeedImported = "seedImported";

    /// <summary>Sent by <c>pingWebhookEndpoint</c> only; never stored.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } =
        [Created, Updated, Published, Unpublished, Archived, Trashed, Restored, Purged, SlugChanged, SchedulePublished, ScheduleWithdrawn, Expired, ReviewDue, SeedImported];
}
