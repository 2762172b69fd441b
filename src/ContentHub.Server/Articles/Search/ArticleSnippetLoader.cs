using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles.Search;

/// <summary>Highlighted snippets of a page of search results, for <c>ArticleSearchEdge.snippet</c>: one query per page.</summary>
public sealed class ArticleSnippetLoader(IDbContextFactory<ContentHubDbContext> contexts, IArticleSearchIndex index)
    : BatchLoader<ArticleSnippetLoader.Key, string>
{
    public readonly record struct Key(SearchTerms Terms, int ArticleId);

    protected override async Task<IReadOnlyDictionary<Key, string>> FetchAsync(IReadOnlyList<Key> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // An article changed between the page and this query may no longer match: it gets an empty snippet.
        var snippets = keys.ToDictionary(key => key, _ => "");
        foreach (var search in keys.GroupBy(key => key.Terms))
        {
            var marked = await index.SnippetsAsync(db, search.Key, search.Select(key => key.ArticleId).ToList(), cancellationToken);
            foreach (var (id, text) in marked)
            {
                snippets[new Key(search.Key, id)] = Highlight.ToHtml(text);
            }
        }

        return snippets;
    }
}
