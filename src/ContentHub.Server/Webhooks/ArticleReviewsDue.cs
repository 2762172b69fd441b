using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// The scheduler's pass that tells endpoints when a published article's medical review falls due: one
/// <c>reviewDue</c> event per due date, on the first pass after it (a later due date, after a review, gets its own).
/// It changes no content, so it counts no changes.
/// </summary>
public sealed class ArticleReviewsDue(IDbContextFactory<ContentHubDbContext> contexts, TimeProvider clock) : IScheduledContent
{
    public async Task<int> RunDueSchedulesAsync(SchedulerLeases lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Articles.AsNoTracking().Include(a => a.Category)
            .Where(a => a.Status == PublicationStatus.Published && a.NextReviewDue <= now
                && !db.WebhookEvents.Any(e => e.ContentType == nameof(Article) && e.ItemId == a.Id && e.Type == WebhookEventTypes.ReviewDue && e.OccurredAt >= a.NextReviewDue))
            .ToListAsync(cancellationToken);
        if (due.Count > 0 && await lease.KeepAsync(cancellationToken))
        {
            foreach (var article in due)
            {
                ContentOutbox.AddReviewDue(db, article, Viewer.Scheduler.Name, now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return 0;
    }
}
