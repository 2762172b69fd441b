using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.People;

/// <summary>A person's newest articles (published ones for readers), for <c>Person.articles(first:)</c>.</summary>
public sealed class PersonArticlesLoader(IDbContextFactory<ContentHubDbContext> contexts, Viewer viewer)
    : BatchLoader<PersonArticlesLoader.Key, IReadOnlyList<Article>>
{
    public readonly record struct Key(int PersonId, int First, ArticleColumns Columns);

    protected override async Task<IReadOnlyDictionary<Key, IReadOnlyList<Article>>> FetchAsync(
        IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var personIds = keys.Select(k => k.PersonId).Distinct().ToList();
        var take = keys.Max(k => k.First);

        // One query for all people, as for a category's articles: each person's newest `take`.
        var visible = db.Articles.AsNoTracking().VisibleTo(viewer).Rows(keys.Select(key => key.Columns).Combined());
        var newestByPerson = await db.People
            .Where(p => personIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                // From the links, correlated on their own column: EF numbers the rows per person (SQLite has no APPLY).
                Articles = db.ArticleAuthors.Where(link => link.PersonId == p.Id).Join(visible, link => link.ArticleId, a => a.Id, (_, a) => a)
                    .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                    .Take(take)
                    .ToList(),
            })
            .ToDictionaryAsync(p => p.Id, p => p.Articles, cancellationToken);

        return keys.ToDictionary(
            key => key,
            key => (IReadOnlyList<Article>)(newestByPerson.GetValueOrDefault(key.PersonId) ?? []).Take(key.First).ToList());
    }
}
