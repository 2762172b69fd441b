using GraphQL;

namespace ContentHub.Server.Editing;

/// <summary>One stored state of a content item: who changed it, when, how, and what it looked like afterwards.</summary>
public sealed class Revision
{
    [Ignore]
    public long Id { get; set; }

    /// <summary>The content type, e.g. <c>Article</c>.</summary>
    public required string ContentType { get; set; }

    public int ContentId { get; set; }

    /// <summary>The item's version after this change.</summary>
    public int Version { get; set; }

    /// <summary>Who made the change: an API key's name, <c>seed</c> or <c>scheduler</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>When the change was made (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>What was done, e.g. <c>update</c> or <c>publish</c>.</summary>
    public required string Operation { get; set; }

    /// <summary>The fields whose value this change altered.</summary>
    public List<string> ChangedFields { get; set; } = [];

    /// <summary>The item's editable fields after the change, as JSON in the shape of its input type.</summary>
    public required string Snapshot { get; set; }
}
