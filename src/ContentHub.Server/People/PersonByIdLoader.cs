using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.People;

/// <summary>People by id, as the caller may see them, for <c>Article.reviewedBy</c>.</summary>
public sealed class PersonByIdLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer) : BatchLoader<int, Person>
{
    protected override async Task<IReadOnlyDictionary<int, Person>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.People.AsNoTracking().VisibleTo(viewer).Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}
