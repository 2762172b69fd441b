using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.People;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>The people an article credits, in byline order, for <c>Article.authors</c>; people the caller may not see are left out.</summary>
public sealed class ArticleAuthorsLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer)
    : BatchLoader<int, IReadOnlyList<Person>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Person>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ArticleAuthors.AsNoTracking()
            .Where(link => keys.Contains(link.ArticleId))
            .Join(db.People.AsNoTracking().VisibleTo(viewer), link => link.PersonId, person => person.Id, (link, person) => new { link.ArticleId, link.Position, Person = person })
            .ToListAsync(cancellationToken);
        var byArticle = rows.ToLookup(row => row.ArticleId);
        return keys.ToDictionary(key => key, key => (IReadOnlyList<Person>)byArticle[key].OrderBy(row => row.Position).Select(row => row.Person).ToList());
    }
}
