using ContentHub.Server.Categories;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Articles;

/// <summary>An article's stored fields, plus its category and disclaimers through batch loaders, and whether it has expired.</summary>
public sealed class ArticleGraphType : AutoRegisteringObjectGraphType<Article>
{
    public ArticleGraphType()
    {
        Field<CategoryGraphType>("category")
            .Description("The category the article is filed under; empty when it has none.")
            .Resolve(context => context.Source.CategoryId is { } id ? context.Service<CategoryByIdLoader>().Load(id) : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Disclaimer>>>>>("disclaimers")
            .Description("Disclaimers to show with the article: its own, its category's and the site-wide ones.")
            .Argument<GraphQLClrInputTypeReference<DisclaimerPlacement>>("placement", "Only disclaimers shown in this place.")
            .Resolve(context => context.Service<ArticleDisclaimersLoader>().Load(new ArticleDisclaimersLoader.Key(
                context.Source.Id, context.Source.CategoryId, context.GetArgument<DisclaimerPlacement?>("placement"))));

        Field<NonNullGraphType<BooleanGraphType>>("expired")
            .Description("Whether expiresAt has passed: the advice is out of date. (Where the server archives expired articles, readers no longer see them.)")
            .Resolve(context => context.Source.ExpiresAt <= context.Service<TimeProvider>().GetUtcNow().UtcDateTime);
    }
}
