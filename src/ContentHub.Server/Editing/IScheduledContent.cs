namespace ContentHub.Server.Editing;

/// <summary>A content type whose items can be published and withdrawn at scheduled times.</summary>
public interface IScheduledContent
{
    /// <summary>Acts on every schedule due by now; an item changed meanwhile by an editor waits for the next run.</summary>
    Task<int> RunDueSchedulesAsync(CancellationToken cancellationToken);
}
