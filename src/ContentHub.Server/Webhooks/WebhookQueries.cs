using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Webhooks;

/// <summary>Root fields <c>webhookEndpoints</c> and <c>webhookDeliveries</c>, for admins.</summary>
public sealed class WebhookQueries(IDbContextFactory<ContentHubDbContext> contexts) : IQueryFields
{
    public const int MaxPageSize = 100;
    private const int DefaultPageSize = 50;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookEndpointGraphType>>>>("webhookEndpoints")
            .Description("The registered webhook endpoints, oldest first. Admins only.")
            .ResolveAsync(async context =>
            {
                WebhookAdmins.Require(context);
                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                return await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).ToListAsync(context.CancellationToken);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookDeliveryGraphType>>>>("webhookDeliveries")
            .Description("Deliveries, newest first, with their attempts and last answer. Admins only. To read further back, pass the last one's id as `before`.")
            .Argument<IdGraphType>("endpointId", "Only deliveries to this endpoint.")
            .Argument<GraphQLClrInputTypeReference<WebhookDeliveryState>>("state", "Only deliveries in this state.")
            .Argument<IntGraphType>("first", $"How many; {DefaultPageSize} when not given, at most {MaxPageSize}.")
            .Argument<IdGraphType>("before", "Only deliveries older than the one with this id.")
            .ResolveAsync(async context =>
            {
                WebhookAdmins.Require(context);
                var first = context.GetArgument("first", DefaultPageSize);
                if (first is < 0 or > MaxPageSize)
                {
                    throw new ExecutionError($"first must be between 0 and {MaxPageSize}.") { Code = ErrorCodes.PageSizeLimitExceeded };
                }

                await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
                var deliveries = db.WebhookDeliveries.AsNoTracking().Include(d => d.Event).AsQueryable();
                if (context.GetArgument<object?>("endpointId") is { } endpoint)
                {
                    var endpointId = ContentIds.Parse(endpoint);
                    deliveries = deliveries.Where(d => d.EndpointId == endpointId);
                }

                if (context.GetArgument<WebhookDeliveryState?>("state") is { } state)
                {
                    deliveries = deliveries.Where(d => d.State == state);
                }

                if (context.GetArgument<object?>("before") is { } before)
                {
                    var beforeId = long.TryParse(Convert.ToString(before, System.Globalization.CultureInfo.InvariantCulture), out var id) ? id : 0;
                    deliveries = deliveries.Where(d => d.Id < beforeId);
                }

                return await deliveries.OrderByDescending(d => d.Id).Take(first).ToListAsync(context.CancellationToken);
            });
    }
}
