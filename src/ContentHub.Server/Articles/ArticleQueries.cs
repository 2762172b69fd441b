using System.Globalization;
using ContentHub.Server.Access;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
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
    private static readonly KeysetSort<Article, DateTime> s_reviewDue = new(
        "REVIEW_DUE", a => a.ReviewStatus == ArticleReviewState.InReview || a.NextReviewDue == null ? a.UpdatedAt : a.NextReviewDue.Value, Descending: false);

    // The same orders written as CASE, which the index on PublishedAt ?? CreatedAt does not match: for filters that keep
    // few of many articles (a review queue, the expired ones) the database reads those through their own index and
    // sorts them, instead of walking every article in order to find them.
    private static readonly KeysetSort<Article, DateTime> s_newestEditedFew = new("NEWEST", a => a.PublishedAt != null ? a.PublishedAt.Value : a.CreatedAt, Descending: true);
    private static readonly KeysetSort<Article, DateTime> s_oldestEditedFew = new("OLDEST", a => a.PublishedAt != null ? a.PublishedAt.Value : a.CreatedAt, Descending: false);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<ArticleGraphType>("article")
            .Description("One article, by id or by slug (give exactly one).")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("slug")
            .Configure(field => field.LooksUpOneItem())
            .ResolveAsync(async context =>
            {
                // With reference data in memory for the caller, the category and the disclaimers' texts come from
                // it and the article's own disclaimer links come in the article's query; without, the category does.
                var inMemory = await context.Service<ReferenceData>().GetAsync(context.CancellationToken) is not null;
                return await FindAsync(
                    context.Service<Viewer>(),
                    context.Selects("category") && !inMemory ? context.Service<CategoryByIdLoader>() : null,
                    context.Selects("disclaimers") && inMemory ? context.Service<ArticleDisclaimersLoader>() : null,
                    context.ColumnsNeeded(),
                    context.GetArgument<string?>("id"), context.GetArgument<string?>("slug"), context.CancellationToken);
            });

        query.Connection<ArticleGraphType, KeysetEdgeType<ArticleGraphType>>("articles")
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

    private async Task<Article?> FindAsync(
        Viewer viewer,
        CategoryByIdLoader? categories,
        ArticleDisclaimersLoader? disclaimers,
        ArticleColumns columns,
        string? id,
        string? slug,
        CancellationToken cancellationToken)
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
        var preview = viewer.IsEditor ? null : viewer.PreviewOf<Article>();
        var values = new ArticleLookupValues { Id = key, Slug = slug ?? "", PreviewedId = preview?.Id ?? 0, PreviewedVersion = preview?.Version };
        var article = slug is not null
            ? await FindAsync(ArticleLookupKey.Slug) ?? await FindAsync(ArticleLookupKey.FormerSlug) // its slug says where it is now
            : await FindAsync(ArticleLookupKey.Id);
        if (categories is not null && article?.CategoryId is { } categoryId)
        {
            // The category came in the same query; the loader then answers Article.category without another.
            categories.Prime([categoryId], article.Category is { } category && category.IsVisibleTo(viewer)
                ? new Dictionary<int, Category> { [categoryId] = category }
                : new Dictionary<int, Category>());
        }

        return article;

        async Task<Article?> FindAsync(ArticleLookupKey by)
        {
            var shape = new ArticleLookupShape(by, viewer.IsEditor, preview is not null, columns, WithCategory: categories is not null);
            if (disclaimers is null)
            {
                return await ArticleLookup.FindAsync(db, shape, values, cancellationToken);
            }

            var found = await ArticleLookup.FindWithDisclaimerIdsAsync(db, shape, values, cancellationToken);
            if (found is not null)
            {
                disclaimers.KnowAttached(found.Article.Id, found.DisclaimerIds);
            }

            return found?.Article;
        }
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
        return sort switch
        {
            ArticleSort.Oldest => await ReadPageAsync(OldestFirst),
            ArticleSort.Title => await ReadPageAsync(_ => s_title),
            ArticleSort.ReviewDue => await ReadPageAsync(_ => s_reviewDue),
            _ => await ReadPageAsync(NewestFirst),
        };

        async Task<Connection<Article>> ReadPageAsync<TKey>(Func<ArticleFilterShape, KeysetSort<Article, TKey>> orderFor)
        {
            var values = await ArticleFiltering.PrepareAsync<ArticleListValues<TKey>>(filter ?? new ArticleFilter(), viewer, categoryLoader, clock, cancellationToken);
            var order = orderFor(values.Shape);
            KeysetPaging.Prepare(values, order, first, after);

            // A cursor holds its article's sort key: drafts are dated by their creation, the review queue by its review's columns.
            var read = columns | sort switch
            {
                ArticleSort.ReviewDue => ArticleColumns.Review | ArticleColumns.Timestamps,
                ArticleSort.Newest or ArticleSort.Oldest when !OnlyPublished(values.Shape) => ArticleColumns.Timestamps,
                _ => ArticleColumns.Light,
            };
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var total = withTotal ? await ArticleFiltering.Apply(db, values).CountAsync(cancellationToken) : (int?)null;
            var rows = await CompiledPages<TKey>.Queries
                .Run(db, new ArticleListShape<TKey>(values.Shape, order, after is not null, read), values, (db, values) =>
                    KeysetPaging.Seek(ArticleFiltering.Apply(db, values).Rows(read), order, values, after is not null))
                .ToListAsync(cancellationToken);
            return KeysetPaging.ConnectionOf(rows, order, values, after is not null, total);
        }
    }

    // Published articles always have a date: an editor's list of published ones can use the index as readers' do.
    private static bool OnlyPublished(ArticleFilterShape filter) => !filter.Editor || filter.Has(ArticleConditions.Published);

    private static bool FewOfMany(ArticleFilterShape filter) =>
        filter.Has(ArticleConditions.ReviewDueBefore | ArticleConditions.Expired | ArticleConditions.ReviewQueue);

    private static KeysetSort<Article, DateTime> NewestFirst(ArticleFilterShape filter) =>
        OnlyPublished(filter) ? s_newestPublished : FewOfMany(filter) ? s_newestEditedFew : s_newestEdited;

    private static KeysetSort<Article, DateTime> OldestFirst(ArticleFilterShape filter) =>
        OnlyPublished(filter) ? s_oldestPublished : FewOfMany(filter) ? s_oldestEditedFew : s_oldestEdited;

    /// <summary>The list's pages compiled per shape, for orders keyed by <typeparamref name="TKey"/>.</summary>
    private static class CompiledPages<TKey>
    {
        public static readonly CompiledQueries<ArticleListShape<TKey>, ArticleListValues<TKey>, Article> Queries = new(capacity: 256);
    }
}
