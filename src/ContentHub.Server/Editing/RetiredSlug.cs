namespace ContentHub.Server.Editing;

/// <summary>A slug a published item used to have: links to it redirect to the item's current slug.</summary>
public sealed class RetiredSlug
{
    public int Id { get; set; }

    public required string ContentType { get; set; }

    public required string Slug { get; set; }

    public int ContentId { get; set; }

    public DateTime RetiredAt { get; set; }
}
