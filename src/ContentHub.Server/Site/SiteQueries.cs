using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Site;

/// <summary>Root field <c>site</c>.</summary>
public sealed class SiteQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<GraphQLClrOutputTypeReference<SiteSettings>>("site")
            .Description("The blog's name, tagline, contact details and footer lines; empty until site settings are stored.")
            .ResolveAsync(async context =>
            {
                if (await context.Service<ReferenceData>().GetAsync(context.CancellationToken) is { } snapshot)
                {
                    return snapshot.Site;
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Site.AsNoTracking().FirstOrDefaultAsync(context.CancellationToken);
            });
}
