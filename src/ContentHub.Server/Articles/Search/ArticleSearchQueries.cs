using System.Globalization;
using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles.Search;

/// <summary>Root field <c>searchArticles</c>: full-text search, most relevant first, as a Relay connection.</summary>
public sealed class ArticleSearchQueries(IDbContextFactory<ContentHubDbContext> contexts, IArticleSearchIndex index, TimeProvider clock) : IQueryFields
{
    private const string Relevance = "RELEVANCE";

    public void AddTo(ObjectGraphType query)
    {
        query.Connection<ArticleGraphType, ArticleSearchEdgeType, ArticleSearchConnectionType>("searchArticles")
            .Description("Articles whose title, summary, body or tags contain every word of `query`, most relevant first, each with a highlighted snippet.")
            .Argument<NonNullGraphType<StringGraphType>>("query", $"The words to find (letters and digits; any other character separates words; at most {SearchTerms.MaxLength} characters, {SearchTerms.MaxWords} words).")
            .Argument<GraphQLClrInputTypeReference<ArticleFilter>>("filter", "Conditions the articles must also meet.")
            .PageSize(KeysetPaging.DefaultPageSize)
            // Ranking reads every match, and so does counting them.
            .Configure(field => field.WithComplexityImpact(ComplexityLimits.ScanImpact, 1).CountScansWhen(_ => true))
            .ResolveAsync(async context => await SearchAsync(
                context.Service<Viewer>(),
                context.Service<CategoryByIdLoader>(),
                SearchTerms.Parse(context.GetArgument<string>("query")),
                context.GetArgument<ArticleFilter?>("filter") ?? new ArticleFilter(),
                context.GetArgument<int?>("first") ?? KeysetPaging.DefaultPageSize,
                context.After is { } after ? Decode(after) : null,
                context.Selects("totalCount"),
                context.ColumnsNeeded(),
                context.CancellationToken));
    }

    private async Task<Connection<Article, ArticleSearchEdge>> SearchAsync(
        Viewer viewer,
        CategoryByIdLoader categoryLoader,
        SearchTerms terms,
        ArticleFilter filter,
        int size,
        Boundary? after,
        bool withTotal,
        ArticleColumns columns,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var values = await ArticleFiltering.PrepareAsync<ArticleFilterValues>(filter, viewer, categoryLoader, clock, cancellationToken);
        var filtered = ArticleFiltering.Apply(db, values);
        var found = filtered.Rows(columns).Join(index.Match(db, terms, publishedOnly: !viewer.IsEditor), a => a.Id, hit => hit.Id, (a, hit) => new Found { Article = a, Rank = hit.Rank });
        var page = after is null
            ? found
            : found.Where(f => f.Rank > after.Rank || (f.Rank == after.Rank && f.Article.Id > after.Id));

        var total = withTotal ? await found.CountAsync(cancellationToken) : (int?)null;
        var rows = await page.OrderBy(f => f.Rank).ThenBy(f => f.Article.Id).Take(size + 1).ToListAsync(cancellationToken);
        var edges = rows.Take(size).Select(f => new ArticleSearchEdge
        {
            Node = f.Article,
            Cursor = new KeysetCursor(Relevance, f.Rank.ToString("R", CultureInfo.InvariantCulture), f.Article.Id).Encode(),
            Score = -f.Rank,
            Terms = terms,
        }).ToList();

        return new Connection<Article, ArticleSearchEdge>
        {
            TotalCount = total,
            Edges = edges,
            PageInfo = KeysetPaging.PageInfoFor([.. edges.Select(e => e.Cursor)], hasNextPage: rows.Count > size, readAfterCursor: after is not null),
        };
    }

    private static Boundary Decode(string after) =>
        KeysetCursor.TryDecode(after, out var cursor)
            && cursor.Sort == Relevance
            && double.TryParse(cursor.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var rank)
            && double.IsFinite(rank)
            ? new Boundary(rank, cursor.Id)
            : throw new ExecutionError("'after' is not a cursor this search issued.") { Code = ErrorCodes.Validation };

    private sealed class Found
    {
        public required Article Article { get; init; }

        public required double Rank { get; init; }
    }

    // Members of a captured object rather than constants: EF sends them as parameters, so the plan is reused.
    private sealed record Boundary(double Rank, int Id);
}
