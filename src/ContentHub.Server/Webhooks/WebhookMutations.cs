using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Webhooks;

/// <summary>
/// The admins' webhook mutations: register, change, enable, disable and delete endpoints, rotate their secrets,
/// redeliver and ping. Each write is one transaction with its audit entry.
/// </summary>
public sealed class WebhookMutations(
    IDbContextFactory<ContentHubDbContext> contexts, WebhookSecrets secrets, WebhookEndpointRules rules, WebhookSender sender, TimeProvider clock)
    : IMutationFields
{
    private const int DefaultGraceMinutes = 24 * 60;
    private const int MaxGraceMinutes = 30 * 24 * 60;

    public void AddTo(ObjectGraphType mutation)
    {
        EndpointField(mutation, "createWebhookEndpoint", "Registers an endpoint. The answer holds its signing secret: store it now, it is never shown again.")
            .Argument<NonNullGraphType<GraphQLClrInputTypeReference<WebhookEndpointInput>>>("input", "The endpoint's URL and the events it wants.")
            .ResolveAsync(async context => await CreateAsync(WebhookAdmins.Require(context), context.GetArgument<WebhookEndpointInput>("input"), context.CancellationToken));

        EndpointField(mutation, "updateWebhookEndpoint", "Changes an endpoint's settings; fields not given keep their values.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The endpoint.")
            .Argument<NonNullGraphType<GraphQLClrInputTypeReference<WebhookEndpointInput>>>("input", "The settings to change.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<WebhookEndpointInput>("input");
                return await ChangeAsync(WebhookAdmins.Require(context), "updateWebhookEndpoint", context.GetArgument<object>("id"), (endpoint, _) =>
                {
                    endpoint.Url = input.Url ?? endpoint.Url;
                    endpoint.EventTypes = input.EventTypes ?? endpoint.EventTypes;
                    endpoint.ContentTypes = input.ContentTypes ?? endpoint.ContentTypes;
                    endpoint.Enabled = input.Enabled ?? endpoint.Enabled;
                    return null;
                }, context.CancellationToken);
            });

        foreach (var enabled in (bool[])[true, false])
        {
            var name = enabled ? "enableWebhookEndpoint" : "disableWebhookEndpoint";
            EndpointField(mutation, name, enabled ? "Starts sending events to the endpoint again, from now on." : "Stops sending events to the endpoint; what happens meanwhile is not sent later.")
                .Argument<NonNullGraphType<IdGraphType>>("id", "The endpoint.")
                .ResolveAsync(async context => await ChangeAsync(WebhookAdmins.Require(context), name, context.GetArgument<object>("id"), (endpoint, _) =>
                {
                    endpoint.Enabled = enabled;
                    return null;
                }, context.CancellationToken));
        }

        EndpointField(mutation, "rotateWebhookSecret",
                "Makes a new signing secret, shown once in the answer. During the grace period messages carry two signatures, by the new and the old secret, so receivers can switch over.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The endpoint.")
            .Argument<IntGraphType>("gracePeriodMinutes", $"How long the old secret keeps signing too; {DefaultGraceMinutes} when not given, 0 to stop it now, at most {MaxGraceMinutes}.")
            .ResolveAsync(async context =>
            {
                var grace = context.GetArgument("gracePeriodMinutes", DefaultGraceMinutes);
                if (grace is < 0 or > MaxGraceMinutes)
                {
                    return Refused(new FieldError("gracePeriodMinutes", FieldRules.InvalidValueCode, $"gracePeriodMinutes must be between 0 and {MaxGraceMinutes}."));
                }

                var secret = WebhookSignature.NewSecret();
                var payload = await ChangeAsync(WebhookAdmins.Require(context), "rotateWebhookSecret", context.GetArgument<object>("id"), (endpoint, now) =>
                {
                    endpoint.SealedPreviousSecret = grace > 0 ? endpoint.SealedSecret : null;
                    endpoint.PreviousSecretExpiresAt = grace > 0 ? now.AddMinutes(grace) : null;
                    endpoint.SealedSecret = secrets.Seal(secret);
                    return null;
                }, context.CancellationToken);
                return payload.Errors.Count > 0 ? payload : new WebhookEndpointPayload { Endpoint = payload.Endpoint, Secret = secret, Errors = [] };
            });

        EndpointField(mutation, "deleteWebhookEndpoint", "Deletes an endpoint with its deliveries; nothing more is sent to it. The answer holds it as it was.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The endpoint.")
            .ResolveAsync(async context => await ChangeAsync(WebhookAdmins.Require(context), "deleteWebhookEndpoint", context.GetArgument<object>("id"), (endpoint, _) => null,
                context.CancellationToken, delete: true));

        mutation.Field<NonNullGraphType<GraphQLClrOutputTypeReference<WebhookDeliveryPayload>>>("redeliverWebhook")
            .Description("Sends a delivery again, whatever its state, with a fresh set of attempts (the event id stays: receivers can tell it is the same event). Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("deliveryId", "The delivery.")
            .ResolveAsync(async context => await RedeliverAsync(WebhookAdmins.Require(context), context.GetArgument<object>("deliveryId"), context.CancellationToken));

        mutation.Field<NonNullGraphType<GraphQLClrOutputTypeReference<WebhookPingPayload>>>("pingWebhookEndpoint")
            .Description("Sends a signed `ping` event to the endpoint now (enabled or not) and answers how it went. Nothing is stored or retried. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The endpoint.")
            .ResolveAsync(async context => await PingAsync(WebhookAdmins.Require(context), context.GetArgument<object>("id"), context.CancellationToken));
    }

    private static FieldBuilder<object?, object> EndpointField(ObjectGraphType mutation, string name, string description) =>
        mutation.Field<NonNullGraphType<GraphQLClrOutputTypeReference<WebhookEndpointPayload>>>(name).Description(description + " Admins only.");

    private async Task<WebhookEndpointPayload> CreateAsync(Viewer viewer, WebhookEndpointInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = WebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            Url = input.Url ?? "",
            EventTypes = input.EventTypes ?? [],
            ContentTypes = input.ContentTypes ?? [],
            Enabled = input.Enabled ?? true,
            SealedSecret = secrets.Seal(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (rules.Check(db, endpoint) is { Count: > 0 } errors)
        {
            return new WebhookEndpointPayload { Errors = errors };
        }

        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken); // its id, for the audit entry
        db.AuditLog.Add(AuditLog.Entry(viewer.Name, "createWebhookEndpoint", nameof(WebhookEndpoint), endpoint.Id, AuditLog.Succeeded, now));
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookEndpointPayload { Endpoint = endpoint, Secret = secret, Errors = [] };
    }

    /// <summary>Loads the endpoint, applies <paramref name="change"/> (or deletes it), checks the rules and saves it with its audit entry.</summary>
    private async Task<WebhookEndpointPayload> ChangeAsync(
        Viewer viewer, string operation, object id, Func<WebhookEndpoint, DateTime, FieldError?> change, CancellationToken cancellationToken, bool delete = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = ContentIds.Parse(id);
        if (await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == key, cancellationToken) is not { } endpoint)
        {
            return Refused(new FieldError("id", EditingErrorCodes.NotFound, "No webhook endpoint has that id."));
        }

        if (change(endpoint, now) is { } error)
        {
            return Refused(error);
        }

        if (rules.Check(db, endpoint) is { Count: > 0 } errors)
        {
            return new WebhookEndpointPayload { Errors = errors };
        }

        endpoint.UpdatedAt = now;
        if (delete)
        {
            db.WebhookEndpoints.Remove(endpoint);
        }

        db.AuditLog.Add(AuditLog.Entry(viewer.Name, operation, nameof(WebhookEndpoint), endpoint.Id, AuditLog.Succeeded, now));
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookEndpointPayload { Endpoint = endpoint, Errors = [] };
    }

    private async Task<WebhookDeliveryPayload> RedeliverAsync(Viewer viewer, object deliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = long.TryParse(Convert.ToString(deliveryId, System.Globalization.CultureInfo.InvariantCulture), out var parsed) ? parsed : 0;
        if (await db.WebhookDeliveries.Include(d => d.Event).FirstOrDefaultAsync(d => d.Id == key, cancellationToken) is not { } delivery)
        {
            return new WebhookDeliveryPayload { Errors = [new FieldError("deliveryId", EditingErrorCodes.NotFound, "No webhook delivery has that id.")] };
        }

        (delivery.State, delivery.Attempts, delivery.NextAttemptAt, delivery.DeliveredAt) = (WebhookDeliveryState.Pending, 0, now, null);
        db.AuditLog.Add(AuditLog.Entry(viewer.Name, "redeliverWebhook", nameof(WebhookEndpoint), delivery.EndpointId, AuditLog.Succeeded, now));
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookDeliveryPayload { Delivery = delivery, Errors = [] };
    }

    private async Task<WebhookPingPayload> PingAsync(Viewer viewer, object id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = ContentIds.Parse(id);
        if (await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == key, cancellationToken) is not { } endpoint)
        {
            return new WebhookPingPayload { Errors = [new FieldError("id", EditingErrorCodes.NotFound, "No webhook endpoint has that id.")] };
        }

        var messageId = $"ping_{Guid.NewGuid():N}";
        var body = WebhookMessage.Body(messageId, WebhookEventTypes.Ping, clock.GetUtcNow().UtcDateTime, viewer.Name, new JsonObject { ["endpointId"] = endpoint.Id });
        var attempt = await sender.SendAsync(endpoint, messageId, body, cancellationToken);
        return new WebhookPingPayload
        {
            Delivered = attempt.Delivered,
            ResponseStatus = attempt.Status,
            ResponseExcerpt = attempt.Excerpt,
            Error = attempt.Error,
            DurationMilliseconds = (int)attempt.Duration.TotalMilliseconds,
            Errors = [],
        };
    }

    private static WebhookEndpointPayload Refused(FieldError error) => new() { Errors = [error] };
}
