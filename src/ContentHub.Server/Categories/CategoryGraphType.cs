using ContentHub.Server.Articles;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Categories;

/// <summary>A category's stored fields, plus its place in the tree and its articles through batch loaders.</summary>
public sealed class CategoryGraphType : AutoRegisteringObjectGraphType<Category>
{
    public const int DefaultArticleCount = 10;

    public CategoryGraphType()
    {
        Field<CategoryGraphType>("parent")
            .Description("The category this one sits under; empty for a top-level category.")
            .Resolve(context => context.Source.ParentId is { } id ? context.Service<CategoryByIdLoader>().Find(id, context.CancellationToken) : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGraphType>>>>("children")
            .Description("Sub-categories, in sort order.")
            .Resolve(context => context.Service<ChildCategoriesLoader>().Load(context.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleGraphType>>>>("articles")
            .Description("The category's newest articles. For paging, use the root field articles(filter: { category }).")
            .Argument<IntGraphType>("first", $"How many; {DefaultArticleCount} when not given.")
            .Resolve(context => context.Service<CategoryArticlesLoader>().Load(
                new CategoryArticlesLoader.Key(context.Source.Id, context.GetArgument<int?>("first") ?? DefaultArticleCount, context.ColumnsNeeded())));
    }
}
