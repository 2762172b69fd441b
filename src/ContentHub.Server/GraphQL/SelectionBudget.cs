using ContentHub.Server.Content;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Refuses a document whose fields, with every fragment spread expanded, number more than
/// <see cref="GraphQLLimits.MaxSelections"/>, before validation sees it. A 1 KB document that spreads each
/// fragment twice doubles per level: validation (overlapping-field checks, cost analysis) would walk the whole
/// expansion, exponential in the document's size. Counting it here is linear: each fragment is sized once.
/// A fragment cycle is refused here too: validation's own cycle check is slow on long rings of fragments.
/// </summary>
public sealed class SelectionBudget(IOptions<GraphQLLimits> options) : IConfigureExecution
{
    /// <summary>The code GraphQL.NET's own rule gives the same error (spec 5.5.2.2).</summary>
    public const string FragmentCycleCode = "NO_FRAGMENT_CYCLES";

    // Inside the document cache (200): only documents not seen before are parsed and counted here.
    public float SortOrder => 300;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        if (execution.Document is not null || execution.Query is not { } query)
        {
            return await next(execution);
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException syntax)
        {
            // Reported from here rather than by the executor parsing again: a syntax exception copies the whole
            // document, which on a large hostile one costs more than anything else in the request.
            return new ExecutionResult { Executed = false, Errors = [new SyntaxError(syntax)] };
        }
        catch (GraphQLParserException)
        {
            return await next(execution); // e.g. nesting past the parser's limit: the executor reports it with its own code
        }

        var limit = options.Value.MaxSelections;
        var (selections, cycle) = Count(document, limit);
        if (cycle is not null)
        {
            return new ExecutionResult
            {
                Executed = false,
                Errors = [new ExecutionError($"Fragment '{cycle}' spreads itself, directly or through other fragments; fragments must not form cycles.")
                {
                    Code = FragmentCycleCode,
                }],
            };
        }

        if (selections > limit)
        {
            return new ExecutionResult
            {
                Executed = false,
                Errors = [new ExecutionError($"The document selects more than {limit} fields once its fragments are expanded.")
                {
                    Code = ErrorCodes.SelectionLimitExceeded,
                }],
            };
        }

        execution.Document = document; // parsed once: the executor uses it as is
        return await next(execution);
    }

    /// <summary>
    /// The expanded field count, capped just past <paramref name="limit"/> so counting stays cheap, and the first
    /// fragment found spreading itself (counting stops there: such a document is invalid whatever its size).
    /// </summary>
    private static (long Selections, string? Cycle) Count(GraphQLDocument document, int limit)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue)
            .ToDictionary(g => g.Key, g => g.First());
        var sizes = new Dictionary<string, long>();
        var visiting = new HashSet<string>();
        var cap = (long)limit + 1;
        string? cycle = null;

        long SizeOf(GraphQLSelectionSet? set)
        {
            long total = 0;
            foreach (var selection in set?.Selections ?? [])
            {
                total += selection switch
                {
                    GraphQLField field => 1 + SizeOf(field.SelectionSet),
                    GraphQLInlineFragment inline => SizeOf(inline.SelectionSet),
                    GraphQLFragmentSpread spread => SizeOfFragment(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                if (total >= cap)
                {
                    return cap;
                }
            }

            return total;
        }

        long SizeOfFragment(string name)
        {
            if (sizes.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!visiting.Add(name))
            {
                cycle ??= name;
                return cap;
            }

            if (!fragments.TryGetValue(name, out var fragment))
            {
                visiting.Remove(name);
                return 0; // validation reports the unknown fragment
            }

            var size = SizeOf(fragment.SelectionSet);
            visiting.Remove(name);
            return sizes[name] = size;
        }

        var selections = document.Definitions.OfType<GraphQLOperationDefinition>()
            .Select(operation => SizeOf(operation.SelectionSet))
            .DefaultIfEmpty(0)
            .Max();
        foreach (var name in fragments.Keys.TakeWhile(_ => cycle is null))
        {
            SizeOfFragment(name); // fragments no operation uses must not form cycles either
        }

        return (selections, cycle);
    }
}
