namespace ContentHub.Server.Content;

/// <summary>Stored content that records when it was created and last changed (UTC).</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}
