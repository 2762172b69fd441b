using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Articles;

/// <summary>
/// The scheduler's pass over published articles whose advice has expired: archived through the editing pipeline
/// as <c>scheduler</c> (revision, audit entry) when configured to, otherwise left for <c>expired</c> to flag.
/// </summary>
public sealed class ExpiredArticles(
    IDbContextFactory<ContentHubDbContext> contexts,
    ContentEditor<Article, ArticleSeed> editor,
    IOptions<ArticlesOptions> options,
    TimeProvider clock) : IScheduledContent
{
    public async Task<int> RunDueSchedulesAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WhenExpired != ExpiredArticleAction.Archive)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        List<ItemVersion> expired;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            expired = await db.Articles.AsNoTracking()
                .Where(a => a.Status == PublicationStatus.Published && a.ExpiresAt <= now)
                .Select(a => new ItemVersion(a.Id, a.Version))
                .ToListAsync(cancellationToken);
        }

        var done = 0;
        foreach (var item in expired)
        {
            var payload = await editor.TransitionAsync(Viewer.Scheduler, item.Id!.Value, item.Version!.Value, ContentTransition.Archive, cancellationToken);
            done += payload.Errors.Count == 0 ? 1 : 0;
        }

        return done;
    }
}
