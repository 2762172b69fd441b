using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Keeps parsed documents that passed validation, keyed by their text, so a repeated query skips parsing and
/// the static validation rules. Rules that depend on variables (limits, complexity) are registered to run on
/// cached documents too, so a cached query sent with a larger <c>$first</c> is still refused.
/// </summary>
public sealed class DocumentCache : IConfigureExecution, IDisposable
{
    /// <summary>
    /// Characters of query text kept. A parsed document takes some twenty times its text, so this holds memory
    /// near 40 MB however many distinct documents clients send; front ends send a handful.
    /// </summary>
    public const int CapacityInCharacters = 2_000_000;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = CapacityInCharacters });

    public float SortOrder => 200;

    /// <summary>Documents held now.</summary>
    public int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out GraphQLDocument? cached))
        {
            // Only documents that passed validation are kept, so only the rules registered for cached
            // documents (those that read the variables) need to run again.
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? options.ValidationRules;
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            _documents.Set(query, document, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();
}
