namespace ContentHub.Server.Webhooks;

/// <summary>Codes of the user errors webhook mutations answer with, besides the shared ones (<c>NOT_FOUND</c>, <c>INVALID_URL</c>, <c>REQUIRED</c>).</summary>
public static class WebhookErrorCodes
{
    /// <summary>An event type that is not one of <see cref="WebhookEventTypes.All"/>.</summary>
    public const string UnknownEventType = "UNKNOWN_EVENT_TYPE";

    /// <summary>A content type name that is not one of this API's (e.g. <c>Article</c>).</summary>
    public const string UnknownContentType = "UNKNOWN_CONTENT_TYPE";

    /// <summary>The URL names a loopback, private, link-local or metadata address that deliveries may not reach.</summary>
    public const string AddressNotAllowed = "ADDRESS_NOT_ALLOWED";
}
