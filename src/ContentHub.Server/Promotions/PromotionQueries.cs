using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Promotions;

/// <summary>Root field <c>promotions</c>.</summary>
public sealed class PromotionQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Promotion>>>>>("promotions")
            .Description("Promotional blocks, ordered by placement and sort order.")
            .Argument<GraphQLClrInputTypeReference<PromotionPlacement>>("placement", "Only blocks shown in this place.")
            .ResolveAsync(async context =>
            {
                var placement = context.GetArgument<PromotionPlacement?>("placement");
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.Promotions.AsNoTracking().VisibleTo(context.Service<Viewer>())
                    .Where(p => placement == null || p.Placement == placement)
                    .OrderBy(p => p.Placement).ThenBy(p => p.SortOrder).ThenBy(p => p.Id)
                    .ToListAsync(context.CancellationToken);
            });
}
