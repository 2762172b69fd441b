using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Observability;

/// <summary>
/// The <c>ContentHub.GraphQL</c> activity source and meter: a span per GraphQL request (<see cref="GraphQLOperation"/>),
/// SQL command spans below it (<see cref="SqlCommandTelemetry"/>), the request duration and SQL command histograms, and
/// the count of requests refused with an error code (by the HTTP endpoint, or by the engine before the document ran). Costs nothing while nobody listens.
/// </summary>
public sealed class GraphQLTelemetry
{
    public const string Name = "ContentHub.GraphQL";
    public const string DurationName = "contenthub.graphql.request.duration";
    public const string SqlCommandsName = "contenthub.graphql.request.sql_commands";
    public const string RefusedName = "contenthub.requests.refused";

    public static readonly ActivitySource Source = new(Name);

    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _sqlCommands;
    private readonly Counter<long> _refused;

    public GraphQLTelemetry(IMeterFactory meters, IOptions<ObservabilityOptions> options)
    {
        var meter = meters.Create(Name);
        _duration = meter.CreateHistogram(DurationName, "s", "GraphQL requests by operation name, type and outcome (ok or the first error's code).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _sqlCommands = meter.CreateHistogram(SqlCommandsName, "{command}", "SQL commands sent for one GraphQL request that ran its document (not for answers from the response cache).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100] });
        _refused = meter.CreateCounter<long>(RefusedName, "{request}",
            "Requests answered with an error instead of running a GraphQL document (limits, rate limits, timeouts, syntax and validation errors), by code.");
        OperationNames = new OperationNameLabels(options.Value.MaxOperationNames);
    }

    public OperationNameLabels OperationNames { get; }

    /// <summary>A new operation for this request, made its current one; null while no one listens for its span or metrics.</summary>
    public GraphQLOperation? Begin(HttpContext context) =>
        _duration.Enabled || Source.HasListeners() ? GraphQLOperation.Begin(this, context) : null;

    /// <summary>Counts a refusal, and makes its code the outcome of the request's operation, if one runs.</summary>
    public void Refused(HttpContext context, string code)
    {
        CountRefusal(code);
        GraphQLOperation.Of(context)?.Fail(code);
    }

    internal void CountRefusal(string code) => _refused.Add(1, new KeyValuePair<string, object?>("error.code", code));

    internal void Record(double seconds, int? sqlCommands, in TagList tags)
    {
        _duration.Record(seconds, tags);
        if (sqlCommands is { } count)
        {
            _sqlCommands.Record(count, tags);
        }
    }
}
