using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ContentHub.Server.GraphQL.Caching;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace ContentHub.Server.Observability;

/// <summary>
/// One GraphQL request as telemetry: its span (named and tagged after OpenTelemetry's GraphQL semantic conventions,
/// with a hash of the document but never the variables), the SQL commands it sent, and its outcome, recorded in the
/// request metrics when it is disposed. It is a feature of its request (<see cref="Of"/>): an async-local value
/// would make every await of the request carry one more entry.
/// </summary>
public sealed class GraphQLOperation : IDisposable
{
    public const string Ok = "ok";

    /// <summary>Ended before an outcome was known: the client went away, or the request timed out.</summary>
    public const string Aborted = "aborted";

    private readonly HttpContext _context;
    private readonly GraphQLTelemetry _telemetry;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _sqlCommands;
    private string? _name;
    private string? _type;
    private string _outcome = Aborted;
    private bool _executed;

    private GraphQLOperation(HttpContext context, GraphQLTelemetry telemetry, Activity? activity)
    {
        _context = context;
        _telemetry = telemetry;
        _activity = activity;
    }

    /// <summary>The operation of the request, if it is watched.</summary>
    public static GraphQLOperation? Of(HttpContext? context) => context?.Features.Get<GraphQLOperation>();

    public int SqlCommands => Volatile.Read(ref _sqlCommands);

    /// <summary>The request's document and requested operation name, as soon as they are read.</summary>
    public void Describe(GraphQLRequest request)
    {
        _name = _telemetry.OperationNames.LabelOf(request.OperationName, admit: false);
        if (_activity is { IsAllDataRequested: true } && !string.IsNullOrEmpty(request.Query))
        {
            // The same hash as an automatic persisted query's: a trace points at the document without showing it.
            _activity.SetTag("graphql.document.hash", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Query))));
        }
    }

    /// <summary>The document ran (or failed validation: then no operation was chosen, and the requested name stays unadmitted).</summary>
    public void Executed(ExecutionResult result)
    {
        _executed = true;
        if (result.Operation is { } operation)
        {
            Named(operation.Name?.StringValue, operation.Operation switch
            {
                OperationType.Query => "query",
                OperationType.Mutation => "mutation",
                _ => "subscription",
            });
        }

        _outcome = result.Errors is { Count: > 0 } errors ? errors[0].Code ?? "ERROR" : Ok;
        if (!result.Executed)
        {
            _telemetry.CountRefusal(_outcome); // a syntax error, a validation rule or a document limit
        }
    }

    /// <summary>The answer is ready: when the document did not run for this request, it came from the response cache.</summary>
    public void Answered(GraphQLResponseBody response)
    {
        if (_executed)
        {
            return;
        }

        Named(response.OperationName, "query");
        _outcome = Ok;
        _activity?.SetTag("contenthub.response_cache", "hit");
    }

    public void Fail(string code) => _outcome = code;

    public void SqlCommandSent() => Interlocked.Increment(ref _sqlCommands);

    public void Dispose()
    {
        if (Of(_context) == this)
        {
            _context.Features.Set<GraphQLOperation>(null);
        }

        var tags = new TagList { { "outcome", _outcome } };
        if (_name is not null)
        {
            tags.Add("graphql.operation.name", _name);
        }

        if (_type is not null)
        {
            tags.Add("graphql.operation.type", _type);
        }

        // An answer from the response cache sent no SQL: counting it would hide a rise per executed request.
        _telemetry.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _executed ? SqlCommands : null, tags);
        if (_activity is not null)
        {
            _activity.SetTag("contenthub.sql_commands", SqlCommands);
            if (_outcome != Ok)
            {
                _activity.SetTag("error.type", _outcome);
                _activity.SetStatus(ActivityStatusCode.Error, _outcome);
            }

            _activity.Dispose();
        }
    }

    internal static GraphQLOperation Begin(GraphQLTelemetry telemetry, HttpContext context)
    {
        var activity = GraphQLTelemetry.Source.StartActivity("GraphQL Operation");
        activity?.SetTag("contenthub.request_id", context.TraceIdentifier);
        var operation = new GraphQLOperation(context, telemetry, activity);
        context.Features.Set(operation);
        return operation;
    }

    private void Named(string? name, string type)
    {
        _name = _telemetry.OperationNames.LabelOf(name, admit: true);
        _type = type;
        if (_activity is not null)
        {
            _activity.DisplayName = _name is null ? $"{type}" : $"{type} {_name}";
            _activity.SetTag("graphql.operation.type", type);
            if (_name is not null)
            {
                _activity.SetTag("graphql.operation.name", name);
            }
        }
    }
}
