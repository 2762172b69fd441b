using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace ContentHub.Server.Sitemaps;

/// <summary>Root field <c>sitemap</c>: every published page, for a front end that builds its own sitemap or prerenders pages.</summary>
public sealed class SitemapQueries(SitemapReader reader) : IQueryFields
{
    private const string Sort = "SITEMAP";

    public void AddTo(ObjectGraphType query) =>
        query.Connection<SitemapEntryGraphType>("sitemap")
            .Description("Every published page search engines may index (categories, then articles, each by id), with when it last changed. "
                + "The same for every caller: drafts, withdrawn items, former slugs, noindex pages and pages whose canonical URL is elsewhere are never listed.")
            .PageSize(KeysetPaging.DefaultPageSize)
            // Counting reads every published article's robots and canonical URL: priced as a scan.
            .Configure(field => field.CountScansWhen(_ => true))
            .ResolveAsync(async context =>
            {
                // Not content items: the answer names the collections it read, so a publication makes it stale.
                var policy = context.Service<ResponseCachePolicy>();
                policy.Read(ContentKeys.Collection(typeof(Category)));
                policy.Read(ContentKeys.Collection(typeof(Article)));

                var size = context.GetArgument<int?>("first") ?? KeysetPaging.DefaultPageSize;
                var entries = await reader.ReadAsync(After(context.After), skip: 0, size + 1, context.CancellationToken);
                var edges = entries.Take(size)
                    .Select(e => new Edge<SitemapEntry> { Node = e, Cursor = new KeysetCursor(Sort, e.Kind.ToString(), e.Id).Encode() })
                    .ToList();
                return new Connection<SitemapEntry>
                {
                    TotalCount = context.Selects("totalCount") ? await reader.CountAsync(context.CancellationToken) : null,
                    Edges = edges,
                    PageInfo = KeysetPaging.PageInfoFor([.. edges.Select(e => e.Cursor)], hasNextPage: entries.Count > size, readAfterCursor: context.After is not null),
                };
            });

    private static SitemapPosition? After(string? after)
    {
        if (after is null)
        {
            return null;
        }

        if (!KeysetCursor.TryDecode(after, out var cursor) || cursor.Sort != Sort
            || !Enum.TryParse<SitemapPageKind>(cursor.Key, ignoreCase: false, out var kind)
            || cursor.Key != kind.ToString())
        {
            throw new ExecutionError("'after' is not a cursor of the sitemap.") { Code = ErrorCodes.Validation };
        }

        return new SitemapPosition(kind, cursor.Id);
    }
}
