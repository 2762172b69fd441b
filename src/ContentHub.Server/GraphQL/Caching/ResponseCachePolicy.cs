namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// Per request: lets a resolver whose answer must differ from one request to the next (a random pick) keep the
/// response out of the response cache and out of shared HTTP caches.
/// </summary>
public sealed class ResponseCachePolicy
{
    public bool Shareable { get; private set; } = true;

    public void DoNotShare() => Shareable = false;
}
