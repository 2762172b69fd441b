using ContentHub.Server.Content;
using ContentHub.Server.Editing;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Articles;

/// <summary>
/// The scheduler's pass over published articles whose advice has expired: archived through the editing pipeline
/// as <c>scheduler</c> (revision, audit entry) when configured to, otherwise left for <c>expired</c> to flag.
/// </summary>
public sealed class ExpiredArticles(
    ContentEditor<Article, ArticleSeed> editor,
    IOptions<ArticlesOptions> options,
    TimeProvider clock) : IScheduledContent
{
    public Task<int> RunDueSchedulesAsync(SchedulerLeases lease, CancellationToken cancellationToken)
    {
        if (options.Value.WhenExpired != ExpiredArticleAction.Archive)
        {
            return Task.FromResult(0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return editor.RunDueAsync(lease, ContentTransition.Archive, a => a.Status == PublicationStatus.Published && a.ExpiresAt <= now, cancellationToken);
    }
}
