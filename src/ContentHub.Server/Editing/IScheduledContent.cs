namespace ContentHub.Server.Editing;

/// <summary>A content type whose items can be published and withdrawn at scheduled times.</summary>
public interface IScheduledContent
{
    /// <summary>
    /// Acts on every schedule due by now, one item at a time while <paramref name="lease"/> is held; an item changed
    /// meanwhile by an editor is read again and acted on only if it is still due.
    /// </summary>
    Task<int> RunDueSchedulesAsync(SchedulerLeases lease, CancellationToken cancellationToken);
}
