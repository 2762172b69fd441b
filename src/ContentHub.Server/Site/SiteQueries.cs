using ContentHub.Server.GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Site;

/// <summary>Root field <c>site</c>.</summary>
public sealed class SiteQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<GraphQLClrOutputTypeReference<SiteSettings>>("site")
            .Description("The blog's name, tagline, contact details and footer lines; empty until site settings are stored.")
            .ResolveAsync(async context => await context.Service<CurrentSite>().GetAsync(context.CancellationToken));
}
