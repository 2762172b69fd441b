using ContentHub.Server.Data;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Webhooks;

/// <summary>An endpoint's settings (never its secrets) and how its latest deliveries went.</summary>
public sealed class WebhookEndpointGraphType : AutoRegisteringObjectGraphType<WebhookEndpoint>
{
    private const int DefaultRecent = 5;

    public WebhookEndpointGraphType()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookDeliveryGraphType>>>>("recentDeliveries")
            .Description("The endpoint's latest deliveries, newest first.")
            .Argument<IntGraphType>("first", $"How many; {DefaultRecent} when not given, at most {WebhookQueries.MaxPageSize}.")
            .ResolveAsync(async context =>
            {
                await using var db = await context.RequestServices!.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContextAsync(context.CancellationToken);
                var first = Math.Clamp(context.GetArgument("first", DefaultRecent), 0, WebhookQueries.MaxPageSize);
                return await db.WebhookDeliveries.AsNoTracking().Include(d => d.Event)
                    .Where(d => d.EndpointId == context.Source.Id).OrderByDescending(d => d.Id).Take(first).ToListAsync(context.CancellationToken);
            });
    }
}
