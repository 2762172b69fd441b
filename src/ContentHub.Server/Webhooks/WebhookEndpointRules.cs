using System.Net;
using ContentHub.Server.Content;
using ContentHub.Server.Data;

namespace ContentHub.Server.Webhooks;

/// <summary>What an endpoint's settings must be: an http(s) URL not naming an internal address, known event and content types.</summary>
public sealed class WebhookEndpointRules(WebhookAddressGuard guard)
{
    public IReadOnlyList<FieldError> Check(ContentHubDbContext db, WebhookEndpoint endpoint)
    {
        List<FieldError> errors = [];
        if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0
            || endpoint.Url.Length > FieldLengths.Url)
        {
            errors.Add(new FieldError("url", FieldRules.InvalidUrlCode,
                $"Give an absolute http or https URL without credentials, at most {FieldLengths.Url} characters."));
        }
        else if (IPAddress.TryParse(url.IdnHost, out var address) && !guard.Allows(address))
        {
            errors.Add(new FieldError("url", WebhookErrorCodes.AddressNotAllowed,
                $"{address} is a loopback, private, link-local or metadata address; deliveries may not reach it."));
        }

        if (endpoint.EventTypes.Count == 0)
        {
            errors.Add(new FieldError("eventTypes", FieldRules.RequiredCode, "Name at least one event type."));
        }

        errors.AddRange(endpoint.EventTypes.Where(type => !WebhookEventTypes.All.Contains(type)).Select(type =>
            new FieldError("eventTypes", WebhookErrorCodes.UnknownEventType, $"'{type}' is not an event type; use one of {string.Join(", ", WebhookEventTypes.All)}.")));
        var contentTypes = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => t.IsAssignableTo(typeof(ContentItem))).Select(t => t.Name).ToList();
        errors.AddRange(endpoint.ContentTypes.Where(type => !contentTypes.Contains(type)).Select(type =>
            new FieldError("contentTypes", WebhookErrorCodes.UnknownContentType, $"'{type}' is not a content type; use one of {string.Join(", ", contentTypes.Order())}.")));
        return errors;
    }
}
