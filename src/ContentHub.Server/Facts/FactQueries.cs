using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Content.Reference;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Facts;

/// <summary>Root fields <c>facts</c>, <c>randomFact</c> and <c>randomFactChangesAt</c>: published facts inside their active window.</summary>
public sealed class FactQueries(IDbContextFactory<ContentHubDbContext> contexts, FactRotation rotation, TimeProvider clock) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Fact>>>>>("facts")
            .Description("All facts active now.")
            .Argument<StringGraphType>("tag", "Only facts carrying this tag.")
            .ResolveAsync(async context => await ActiveAsync(context, context.GetArgument<string?>("tag")));

        query.Field<GraphQLClrOutputTypeReference<Fact>>("randomFact")
            .Description("One fact active now, picked at random in proportion to its weight; empty when none is active. "
                + "Every reader gets the same fact until randomFactChangesAt (unless editors change the facts meanwhile).")
            .Argument<StringGraphType>("tag", "Pick among facts carrying this tag.")
            .ResolveAsync(async context =>
            {
                var tag = context.GetArgument<string?>("tag");
                context.Service<ResponseCachePolicy>().KeepUntil(rotation.CurrentWindow().End);
                return WeightedPick.Pick(await ActiveAsync(context, tag), f => f.Weight, rotation.Draw(tag));
            });

        query.Field<NonNullGraphType<DateTimeGraphType>>("randomFactChangesAt")
            .Description("When the current rotation window ends and randomFact may pick another fact (UTC): responses can be cached until then.")
            .Resolve(context =>
            {
                var end = rotation.CurrentWindow().End;
                context.Service<ResponseCachePolicy>().KeepUntil(end);
                return end;
            });
    }

    /// <summary>The facts active now; the answer stays fresh only until the next one becomes active or stops being active.</summary>
    private async Task<List<Fact>> ActiveAsync(IResolveFieldContext context, string? tag)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await context.Service<ReferenceData>().GetAsync(context.CancellationToken) is { } snapshot
            ? snapshot.Facts.Where(f => (f.ActiveUntil == null || f.ActiveUntil > now) && (tag is null || f.Tags.Contains(tag))).ToList()
            : await NotEndedAsync(context.Service<Viewer>(), tag, now, context.CancellationToken);
        if (current.SelectMany(f => new[] { f.ActiveFrom, f.ActiveUntil }).Where(at => at > now).Min() is { } boundary)
        {
            context.Service<ResponseCachePolicy>().KeepUntil(boundary);
        }

        return current.Where(f => f.ActiveFrom == null || f.ActiveFrom <= now).ToList();
    }

    /// <summary>The facts <paramref name="viewer"/> may see that are active at <paramref name="now"/> or later, by id.</summary>
    private async Task<List<Fact>> NotEndedAsync(Viewer viewer, string? tag, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facts = db.Facts.AsNoTracking().VisibleTo(viewer).Where(f => f.ActiveUntil == null || f.ActiveUntil > now);
        if (tag is not null)
        {
            facts = facts.Where(f => f.Tags.Contains(tag));
        }

        return await facts.OrderBy(f => f.Id).ToListAsync(cancellationToken);
    }
}
