using System.Globalization;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>Root fields <c>article</c> and <c>articles</c>.</summary>
public sealed class ArticleQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("One article, by id or by slug (give exactly one).")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("slug")
            .ResolveAsync(async context => await FindAsync(
                context.Service<Viewer>(),
                context.GetArgument<string?>("id"), context.GetArgument<string?>("slug"), context.CancellationToken));

        query.Connection<ArticleGraphType>("articles")
            .Description("Articles, newest first, as a Relay connection.")
            .Argument<GraphQLClrInputTypeReference<ArticleFilter>>("filter", "Conditions the articles must meet.")
            .PageSize(KeysetPaging.DefaultPageSize)
            .ResolveAsync(async context => await ListAsync(
                context.Service<Viewer>(),
                context.GetArgument<ArticleFilter?>("filter"),
                context.GetArgument<int?>("first"), // the raw value: the builder hides a negative one
                context.After,
                context.Selects("totalCount"),
                context.CancellationToken));
    }

    private async Task<Article?> FindAsync(Viewer viewer, string? id, string? slug, CancellationToken cancellationToken)
    {
        if ((id is null) == (slug is null))
        {
            throw new ExecutionError("Give either 'id' or 'slug', not both and not neither.") { Code = ErrorCodes.Validation };
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articles = db.Articles.AsNoTracking().VisibleTo(viewer);
        if (slug is not null)
        {
            return await articles.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        }

        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            ? await articles.FirstOrDefaultAsync(a => a.Id == key, cancellationToken)
            : null;
    }

    private async Task<object> ListAsync(Viewer viewer, ArticleFilter? filter, int? first, string? after, bool withTotal, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articles = db.Articles.AsNoTracking().VisibleTo(viewer);
        if (filter?.Category is { } category)
        {
            // Through the visible categories only: filtering by a draft category must find nothing, like asking for it.
            var categoryIds = db.Categories.VisibleTo(viewer).Where(c => c.Slug == category).Select(c => (int?)c.Id);
            articles = articles.Where(a => categoryIds.Contains(a.CategoryId));
        }

        if (filter?.Tag is { } tag)
        {
            articles = articles.Where(a => a.Tags.Contains(tag));
        }

        // Drafts have no publication date yet: editors, who see them, page by creation date where there is none.
        return viewer.IsEditor
            ? await KeysetPaging.PageAsync(articles, a => a.PublishedAt ?? a.CreatedAt, first, after, withTotal, cancellationToken)
            : await KeysetPaging.PageAsync(articles, a => a.PublishedAt!.Value, first, after, withTotal, cancellationToken);
    }
}
