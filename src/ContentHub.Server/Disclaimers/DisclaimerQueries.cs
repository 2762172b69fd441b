using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Disclaimers;

/// <summary>Root field <c>disclaimers</c>: the site-wide ones, for pages that are not articles.</summary>
public sealed class DisclaimerQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Disclaimer>>>>>("disclaimers")
            .Description("Site-wide disclaimers, ordered by placement and sort order. Article pages use Article.disclaimers.")
            .Argument<GraphQLClrInputTypeReference<DisclaimerPlacement>>("placement", "Only disclaimers shown in this place.")
            .ResolveAsync(async context =>
            {
                var placement = context.GetArgument<DisclaimerPlacement?>("placement");
                if (await context.Service<ReferenceData>().GetAsync(context.CancellationToken) is { } snapshot)
                {
                    return snapshot.Disclaimers.Where(d => d.SiteWide && (placement == null || d.Placement == placement)).ToList();
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Disclaimers.AsNoTracking().VisibleTo(context.Service<Viewer>())
                    .Where(d => d.SiteWide && (placement == null || d.Placement == placement))
                    .OrderBy(d => d.Placement).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
                    .ToListAsync(context.CancellationToken);
            });
}
