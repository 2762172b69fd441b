using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace ContentHub.Server.GraphQL.Caching;

/// <summary>
/// A serialized GraphQL response and what the HTTP answer needs to know about it. An answer that is not kept (see
/// <see cref="Lease"/>) is disposed once written.
/// </summary>
/// <param name="Utf8">The JSON body.</param>
/// <param name="Executed">False when the document could not run (syntax or validation error, a limit).</param>
/// <param name="ServerError">
/// The HTTP status of a failure on the server's side: 503 when the database is unavailable (the client may retry),
/// 500 for a bug (INTERNAL); null when there is none.
/// </param>
/// <param name="Shareable">
/// An anonymous query answered without errors, the same for every anonymous caller: the response cache and
/// shared HTTP caches may keep it.
/// </param>
/// <param name="FreshUntil">When a shareable response goes out of date by itself (see <see cref="ResponseCachePolicy"/>).</param>
/// <param name="DependsOn">
/// The keys of what a shareable response read (see <see cref="AnswerDependencies"/>): its <c>Surrogate-Key</c>s. Named
/// only where they are used: for a kept answer and for a GET.
/// </param>
/// <param name="OperationName">The name of the operation that ran, for the metrics of requests answered from the cache.</param>
public sealed record GraphQLResponseBody(
    ReadOnlyMemory<byte> Utf8,
    bool Executed,
    int? ServerError,
    bool Shareable,
    DateTime? FreshUntil = null,
    IReadOnlyCollection<string>? DependsOn = null,
    string? OperationName = null) : IDisposable
{
    /// <summary>
    /// The pooled buffer <see cref="Utf8"/> lies in when the answer is written once and not kept, given back by
    /// <see cref="Dispose"/>; null when <see cref="Utf8"/> is an array of its own (a kept answer is shared).
    /// </summary>
    [JsonIgnore]
    public IDisposable? Lease { get; init; }

    /// <summary>A strong entity tag: a hash of the bytes, computed once, so a cached response reuses it.</summary>
    [JsonIgnore]
    public string ETag => field ??= $"\"{Base64Url.EncodeToString(SHA256.HashData(Utf8.Span).AsSpan(0, 16))}\"";

    public void Dispose() => Lease?.Dispose();
}
