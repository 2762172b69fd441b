namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// Per request: lets a resolver whose answer changes with time (a fact rotating hourly) say until when the
/// response may be served again from the response cache and from shared HTTP caches.
/// </summary>
public sealed class ResponseCachePolicy
{
    /// <summary>The earliest time any resolver of the request named; empty when none did.</summary>
    public DateTime? FreshUntil { get; private set; }

    public void KeepUntil(DateTime until) => FreshUntil = FreshUntil < until ? FreshUntil : until;
}
