using System.Globalization;
using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>Root fields <c>article</c> and <c>articles</c>.</summary>
public sealed class ArticleQueries(IDbContextFactory<ContentHubDbContext> contexts, TimeProvider clock) : IQueryFields
{
    // Anonymous readers only see published articles, which always have a publication date: their orders run
    // on PublishedAt alone, which the (Status, PublishedAt) index serves. Editors also see drafts, which have none.
    private static readonly KeysetSort<Article, DateTime> s_newestPublished = new("NEWEST", a => a.PublishedAt!.Value, Descending: true);
    private static readonly KeysetSort<Article, DateTime> s_oldestPublished = new("OLDEST", a => a.PublishedAt!.Value, Descending: false);
    private static readonly KeysetSort<Article, DateTime> s_newestEdited = new("NEWEST", a => a.PublishedAt ?? a.CreatedAt, Descending: true);
    private static readonly KeysetSort<Article, DateTime> s_oldestEdited = new("OLDEST", a => a.PublishedAt ?? a.CreatedAt, Descending: false);
    private static readonly KeysetSort<Article, string> s_title = new("TITLE", a => a.Title, Descending: false);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("One article, by id or by slug (give exactly one).")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("slug")
            .Configure(field => field.LooksUpOneItem())
            // The category comes from the reference data in memory when there is one for the caller, else in the article's query.
            .ResolveAsync(async context => await FindAsync(
                context.Service<Viewer>(),
                context.Selects("category") && await context.Service<ReferenceData>().GetAsync(context.CancellationToken) is null
                    ? context.Service<CategoryByIdLoader>() : null,
                context.ColumnsNeeded(),
                context.GetArgument<string?>("id"), context.GetArgument<string?>("slug"), context.CancellationToken));

        query.Connection<ArticleGraphType>("articles")
            .Description("Articles as a Relay connection, newest first unless `sort` says otherwise.")
            .Argument<GraphQLClrInputTypeReference<ArticleFilter>>("filter", "Conditions the articles must meet.")
            .Argument<GraphQLClrInputTypeReference<ArticleSort>>("sort", "The order; NEWEST when not given. A cursor only continues the order that issued it.")
            .PageSize(KeysetPaging.DefaultPageSize)
            .Configure(field => field.CountScansWhen(arguments => ArticleFiltering.Scans(FilterOf(arguments))))
            .ResolveAsync(async context => await ListAsync(
                context.Service<Viewer>(),
                context.Service<CategoryByIdLoader>(),
                context.GetArgument<ArticleFilter?>("filter"),
                context.GetArgument("sort", ArticleSort.Newest),
                context.GetArgument<int?>("first"), // the raw value: the builder hides a negative one
                context.After,
                context.Selects("totalCount"),
                context.ColumnsNeeded(),
                context.CancellationToken));
    }

    private static ArticleFilter? FilterOf(IDictionary<string, ArgumentValue>? arguments) =>
        arguments?.TryGetValue("filter", out var filter) == true ? filter.Value as ArticleFilter : null;

    private async Task<Article?> FindAsync(Viewer viewer, CategoryByIdLoader? categories, ArticleColumns columns, string? id, string? slug, CancellationToken cancellationToken)
    {
        if ((id is null) == (slug is null))
        {
            throw new ExecutionError("Give either 'id' or 'slug', not both and not neither.") { Code = ErrorCodes.Validation };
        }

        int key = 0;
        if (slug is null && !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out key))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var articles = db.Articles.AsNoTracking().VisibleOrPreviewedBy(viewer);
        if (categories is not null)
        {
            // The category comes in the same query; the loader then answers Article.category without another.
            articles = articles.Include(a => a.Category);
        }

        articles = articles.Rows(columns, withCategory: categories is not null);

        var article = slug is not null
            ? await articles.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken)
                ?? await FormerlyAtAsync(db, articles, slug, cancellationToken)
            : await articles.FirstOrDefaultAsync(a => a.Id == key, cancellationToken);
        if (categories is not null && article?.CategoryId is { } categoryId)
        {
            categories.Prime([categoryId], article.Category is { } category && category.IsVisibleTo(viewer)
                ? new Dictionary<int, Category> { [categoryId] = category }
                : new Dictionary<int, Category>());
        }

        return article;
    }

    /// <summary>The article that had <paramref name="slug"/> before it moved: old links keep working, and its <c>slug</c> says where it is now.</summary>
    private static async Task<Article?> FormerlyAtAsync(ContentHubDbContext db, IQueryable<Article> articles, string slug, CancellationToken cancellationToken)
    {
        var moved = db.RetiredSlugs.Where(s => s.ContentType == nameof(Article) && s.Slug == slug).Select(s => s.ContentId);
        return await articles.FirstOrDefaultAsync(a => moved.Contains(a.Id), cancellationToken);
    }

    private async Task<object> ListAsync(
        Viewer viewer,
        CategoryByIdLoader categoryLoader,
        ArticleFilter? filter,
        ArticleSort sort,
        int? first,
        string? after,
        bool withTotal,
        ArticleColumns columns,
        CancellationToken cancellationToken)
    {
        filter ??= new ArticleFilter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var filtered = await ArticleFiltering.ApplyAsync(db, db.Articles.AsNoTracking().VisibleTo(viewer), filter, viewer, categoryLoader, clock, cancellationToken);
        var articles = filtered.Rows(columns);

        // Published articles always have a date: an editor's list of published ones can use the index as readers' do.
        var onlyPublished = !viewer.IsEditor || filter.Status == PublicationStatus.Published;
        return sort switch
        {
            ArticleSort.Oldest => await KeysetPaging.PageAsync(articles, onlyPublished ? s_oldestPublished : s_oldestEdited, first, after, withTotal, cancellationToken),
            ArticleSort.Title => await KeysetPaging.PageAsync(articles, s_title, first, after, withTotal, cancellationToken),
            _ => await KeysetPaging.PageAsync(articles, onlyPublished ? s_newestPublished : s_newestEdited, first, after, withTotal, cancellationToken),
        };
    }
}
