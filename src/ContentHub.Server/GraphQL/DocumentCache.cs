using System.Collections.Frozen;
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

    /// <summary>The parsed document of <paramref name="query"/>, when it is kept.</summary>
    public GraphQLDocument? Find(string query) => _documents.Get<ValidatedDocument>(query)?.Document;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.Get<ValidatedDocument>(query) is { } cached)
        {
            // Only documents that passed validation are kept, so only the rules registered for cached
            // documents (those that read the variables or the caller) need to run again, and not even those when
            // the request brings nothing they read. Undeclared variables are left to those rules to report.
            options.Document = cached.Document;
            options.ValidationRules = cached.RulesAnswerAlike(options.Variables)
                ? []
                : options.CachedDocumentValidationRules ?? options.ValidationRules;
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            _documents.Set(query, new ValidatedDocument(document, await SameForEveryCallerAsync(document) ? DeclaredVariables(document) : null),
                new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();

    /// <summary>
    /// Whether the rules for cached documents would answer every request for <paramref name="document"/> that sends
    /// only variables it declares as they answered the one that passed: one operation (so the same one runs whatever
    /// operation name is sent), variables only as positions (which no limit or cost reads) and no
    /// introspection (whose access depends on the caller).
    /// </summary>
    private static async ValueTask<bool> SameForEveryCallerAsync(GraphQLDocument document) =>
        document.Definitions.Count(definition => definition is GraphQLOperationDefinition) == 1
        && !document.Definitions.Any(definition => definition is IHasSelectionSetNode { SelectionSet: { } selections } && Introspects(selections))
        && await PositionVariables.OnlyAsPositionsAsync(document);

    private static FrozenSet<string> DeclaredVariables(GraphQLDocument document) =>
        DeclaredVariablesRule.NamesDeclaredBy(document.Definitions.OfType<GraphQLOperationDefinition>().Single()).ToFrozenSet(StringComparer.Ordinal);

    private static bool Introspects(GraphQLSelectionSet selections) =>
        selections.Selections.Any(selection => selection switch
        {
            GraphQLField field => field.Name.Value == "__schema" || field.Name.Value == "__type"
                || (field.SelectionSet is { } children && Introspects(children)),
            GraphQLInlineFragment fragment => Introspects(fragment.SelectionSet),
            _ => false, // a fragment spread: its definition is checked on its own
        });

    /// <summary>
    /// A document that passed every validation rule once; <paramref name="Declared"/>, its variables' names when the
    /// rules for cached documents answer alike every request that sends only those (else null).
    /// </summary>
    private sealed record ValidatedDocument(GraphQLDocument Document, FrozenSet<string>? Declared)
    {
        public bool RulesAnswerAlike(Inputs? variables) => Declared is { } declared && (variables is null || variables.Keys.All(declared.Contains));
    }
}
