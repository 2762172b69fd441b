using GraphQL.Types;

namespace ContentHub.Server.Webhooks;

/// <summary>A delivery's state and attempts, with the type of the event it carries.</summary>
public sealed class WebhookDeliveryGraphType : AutoRegisteringObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryGraphType() =>
        Field<NonNullGraphType<StringGraphType>>("eventType")
            .Description("The event's type, e.g. published.")
            .Resolve(context => context.Source.Event!.Type);
}
