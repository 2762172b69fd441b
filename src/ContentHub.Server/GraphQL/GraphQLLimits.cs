using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// What one request may ask of the server. Bound from the <c>GraphQL</c> section and validated at start-up.
/// The defaults let Banana Cake Pop's introspection query and every normal page query through.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>Nesting of fields; the IDEs' introspection query needs 11.</summary>
    [Range(11, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Estimated cost: every field counts, and list fields multiply their children by <c>first</c>.</summary>
    [Range(100, 10_000_000)]
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>Fields a document selects once its fragments are expanded; the introspection query selects about 100.</summary>
    [Range(100, 1_000_000)]
    public int MaxSelections { get; set; } = 1_000;

    /// <summary>Aliased fields in a document, <c>__typename</c> aliases included.</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Directives applied in a document.</summary>
    [Range(0, 10_000)]
    public int MaxDirectives { get; set; } = 30;

    /// <summary>Lexical tokens in a document; the introspection query has about 300.</summary>
    [Range(500, 1_000_000)]
    public int MaxTokens { get; set; } = 2_000;

    /// <summary>Characters in the query text.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxQueryLength { get; set; } = 20_000;

    /// <summary>Bytes in a request body; room for the longest article an editor may save.</summary>
    [Range(10_000, 100_000_000)]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>Who may introspect the schema; everyone by default, since Banana Cake Pop and code generators need it.</summary>
    public IntrospectionAccess Introspection { get; set; } = IntrospectionAccess.All;

    /// <summary>The largest <c>first</c> a list or connection accepts.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 100;
}
