using ContentHub.Server.GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Editing;

/// <summary><c>ArticleSlugResolution</c> and its siblings: what a slug stands for now.</summary>
public sealed class SlugResolutionGraphType<TEntity> : ObjectGraphType<SlugResolution<TEntity>>
    where TEntity : class
{
    public SlugResolutionGraphType(string typeName)
    {
        Name = typeName + "SlugResolution";
        Description = $"What a slug {GraphQLNames.Indefinite(typeName)} ever had stands for now.";
        Field<NonNullGraphType<EnumerationGraphType<SlugStatus>>>("status")
            .Description("CURRENT: show the item. REDIRECT: redirect permanently to `slug`. GONE: answer 410. NOT_FOUND: answer 404.")
            .Resolve(context => context.Source.Status);
        Field<StringGraphType>("slug")
            .Description("The item's current slug, with CURRENT and REDIRECT.")
            .Resolve(context => context.Source.Slug);
        Field<GraphQLClrOutputTypeReference<TEntity>>(GraphQLNames.Camel(typeName))
            .Description("The item, with CURRENT and REDIRECT.")
            .Resolve(context => context.Source.Item);
    }
}
