using System.Linq.Expressions;
using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>Which items the scheduler acts on at a given time.</summary>
public static class DueSchedules
{
    /// <summary>
    /// Scheduled for publication by <paramref name="now"/> and not published: a draft, or an archived item coming
    /// back. An item in the trash stays there whatever its schedule says.
    /// </summary>
    public static Expression<Func<TEntity, bool>> ToPublish<TEntity>(DateTime now)
        where TEntity : ContentItem =>
        e => e.PublishScheduledAt <= now && (e.Status == PublicationStatus.Draft || e.Status == PublicationStatus.Archived);

    /// <summary>Scheduled for withdrawal by <paramref name="now"/> and published.</summary>
    public static Expression<Func<TEntity, bool>> ToWithdraw<TEntity>(DateTime now)
        where TEntity : ContentItem =>
        e => e.UnpublishScheduledAt <= now && e.Status == PublicationStatus.Published;
}
