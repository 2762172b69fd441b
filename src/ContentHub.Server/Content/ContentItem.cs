using GraphQL;

namespace ContentHub.Server.Content;

/// <summary>What every content type stores about its editorial life, besides its own fields.</summary>
public abstract class ContentItem : IPublishable, ITimestamped
{
    [Id]
    public int Id { get; set; }

    /// <summary>Where the item is in its editorial life; anonymous readers see published items only.</summary>
    public PublicationStatus Status { get; set; }

    /// <summary>When the item first went live (UTC); empty until it is published.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Increases with every change; mutations take the version you last read and refuse a stale one (CONFLICT).</summary>
    public int Version { get; set; } = 1;

    /// <summary>When the item will be published automatically (UTC); empty when nothing is scheduled.</summary>
    [EditorsOnly]
    public DateTime? PublishScheduledAt { get; set; }

    /// <summary>When the item will be unpublished (archived) automatically (UTC); empty when nothing is scheduled.</summary>
    [EditorsOnly]
    public DateTime? UnpublishScheduledAt { get; set; }

    /// <summary>When the item was first stored (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the item last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
