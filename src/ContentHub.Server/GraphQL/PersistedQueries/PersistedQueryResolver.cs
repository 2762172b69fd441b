using System.Security.Cryptography;
using System.Text;
using ContentHub.Server.Content;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using static ContentHub.Server.GraphQL.GraphQLRequestReader;

namespace ContentHub.Server.GraphQL.PersistedQueries;

/// <summary>
/// Gives a request that names its document — by <c>documentId</c> or by Apollo's
/// <c>extensions.persistedQuery.sha256Hash</c> — the document's text, registers automatic persisted queries, and
/// in trusted-documents mode refuses callers who are not editors anything but the registered documents. Runs before the
/// request limits and the GET-mutation check, so both see the text that will run.
/// </summary>
public sealed class PersistedQueryResolver(ApqStore store, TrustedDocuments trusted, IOptions<PersistedQueryOptions> options)
{
    private const string Extension = "persistedQuery";

    /// <summary>Fills in <paramref name="request"/>'s query, or says why the request cannot run.</summary>
    public RequestError? Resolve(GraphQLRequest request, bool editor)
    {
        var restricted = trusted.Enabled && !editor;
        if (!string.IsNullOrEmpty(request.DocumentId))
        {
            if (!string.IsNullOrEmpty(request.Query))
            {
                return new RequestError(StatusCodes.Status400BadRequest, "Send either 'query' or 'documentId', not both.");
            }

            request.Query = Find(request.DocumentId, restricted);
            return request.Query is null
                ? new RequestError(StatusCodes.Status400BadRequest, "No registered document has this id.", ErrorCodes.PersistedQueryNotFound)
                : null;
        }

        if (request.Extensions?.TryGetValue(Extension, out var extension) != true)
        {
            return restricted && !string.IsNullOrEmpty(request.Query) && !trusted.Contains(request.Query) ? NotTrusted() : null;
        }

        if (!options.Value.Enabled)
        {
            return new RequestError(StatusCodes.Status200OK, "PersistedQueryNotSupported", ErrorCodes.PersistedQueryNotSupported);
        }

        if (extension is not IReadOnlyDictionary<string, object?> persisted
            || persisted.GetValueOrDefault("version") is not (1 or 1L)
            || persisted.GetValueOrDefault("sha256Hash") is not string { Length: 64 } hash)
        {
            return new RequestError(StatusCodes.Status400BadRequest,
                "extensions.persistedQuery must be { \"version\": 1, \"sha256Hash\": \"<64 hex digits>\" }.");
        }

        hash = hash.ToLowerInvariant();
        if (string.IsNullOrEmpty(request.Query))
        {
            request.Query = Find(hash, restricted);
            return request.Query is null ? new RequestError(StatusCodes.Status200OK, "PersistedQueryNotFound", ErrorCodes.PersistedQueryNotFound) : null;
        }

        if (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Query))) != hash)
        {
            return new RequestError(StatusCodes.Status400BadRequest, "provided sha does not match query", ErrorCodes.PersistedQueryHashMismatch);
        }

        if (restricted)
        {
            // Callers who are not editors may not register documents in this mode; they may send a registered one's text.
            return trusted.Contains(request.Query) ? null : NotTrusted();
        }

        store.Add(hash, request.Query);
        return null;
    }

    private string? Find(string id, bool restricted) => trusted.Find(id) ?? (restricted ? null : store.Find(id));

    private static RequestError NotTrusted() => new(StatusCodes.Status400BadRequest,
        "Only registered documents may be run without an editor's credentials: send a registered document's id as 'documentId' or as an automatic persisted query hash.",
        ErrorCodes.PersistedQueryRequired);
}
