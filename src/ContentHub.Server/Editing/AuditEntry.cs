namespace ContentHub.Server.Editing;

/// <summary>A record of one mutation attempt, successful or not.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Who asked: an API key's name, <c>anonymous</c>, <c>seed</c> or <c>scheduler</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>The mutation, e.g. <c>publishArticle</c>.</summary>
    public required string Operation { get; set; }

    /// <summary>The content type acted on, e.g. <c>Article</c>.</summary>
    public required string TargetType { get; set; }

    /// <summary>The item acted on; empty when it does not exist (yet).</summary>
    public int? TargetId { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary><c>SUCCEEDED</c>, or the code of the first error that refused it (e.g. <c>CONFLICT</c>, <c>FORBIDDEN</c>).</summary>
    public required string Outcome { get; set; }
}
