using ContentHub.Server.Content;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// Per request: what the answer read (the keys a write must change to make it stale, see <see cref="ContentKeys"/>),
/// and, for a resolver whose answer changes with time (a fact rotating hourly), until when the response may be
/// served again from the response cache and from shared HTTP caches.
/// </summary>
public sealed class ResponseCachePolicy
{
    private readonly HashSet<string> _dependsOn = new(StringComparer.Ordinal);

    /// <summary>The keys of what the answer read.</summary>
    public IReadOnlyCollection<string> DependsOn => _dependsOn;

    public void Read(string key) => _dependsOn.Add(key);

    /// <summary>The earliest time any resolver of the request named; empty when none did.</summary>
    public DateTime? FreshUntil { get; private set; }

    public void KeepUntil(DateTime until) => FreshUntil = FreshUntil < until ? FreshUntil : until;
}
