using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ContentHub.Server.Observability;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace ContentHub.Tests.Observability;

/// <summary>
/// Traces through an in-memory exporter: the HTTP request's span, the GraphQL operation's below it, and its SQL
/// commands below that, on each database provider; never a variable's value.
/// </summary>
public abstract class ObservabilityTracingTests : IDisposable
{
    private const string Since = "query ArticlesSince($after: DateTime) { articles(first: 3, filter: { publishedAfter: $after }) { totalCount edges { node { title } } } }";

    /// <summary>A variable value no attribute may show.</summary>
    private const string SecretDate = "2071-07-19T13:37:42Z";

    private readonly ContentHubFactory _database;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly List<Activity> _spans = [];

    /// <summary>
    /// The trace this test's request continues (sent as <c>traceparent</c>): listeners are process-wide, so the
    /// exporter also sees the spans of servers that other tests run at the same time.
    /// </summary>
    private readonly ActivityContext _caller = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    private ObservabilityTracingTests(ContentHubFactory database)
    {
        database.SkipUnlessAvailable();
        _database = database;
        // Tracing is on with an OTLP endpoint; nothing listens on port 9 (discard), the in-memory exporter sees every span.
        _factory = database.WithWebHostBuilder(builder => builder
            .UseSetting("Observability:Otlp:Endpoint", "http://127.0.0.1:9")
            .ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans))));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _database.Dispose();
    }

    [SkippableFact]
    public async Task Should_chain_request_operation_and_sql_spans_without_variable_values()
    {
        using var client = CreateClient();

        var response = await client.PostOperationAsync(Since, "ArticlesSince", new { after = SecretDate });
        var spans = await SpansOfRequestAsync();

        Assert.Equal(0, response.AssertData()["articles"]!["totalCount"]!.GetValue<int>());
        var http = Assert.Single(spans, span => span.Kind == ActivityKind.Server);
        Assert.Equal("POST /graphql", http.DisplayName);
        var operation = Assert.Single(spans, span => span.Source.Name == GraphQLTelemetry.Name);
        var sql = spans.Where(span => span.Source.Name == SqlCommandTelemetry.SourceName).ToList();
        Assert.Equal(_caller.SpanId, http.ParentSpanId);
        Assert.Equal(http.SpanId, operation.ParentSpanId);
        Assert.NotEmpty(sql);
        Assert.All(sql, command =>
        {
            Assert.Equal(operation.SpanId, command.ParentSpanId);
            Assert.Equal("SELECT", command.DisplayName);
            Assert.Equal(_database.Database == TestDatabase.PostgreSql ? "postgresql" : "sqlite", command.GetTagItem("db.system.name"));
        });
        Assert.Equal("query ArticlesSince", operation.DisplayName);
        Assert.Equal("ArticlesSince", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Since))), operation.GetTagItem("graphql.document.hash"));
        Assert.Equal(sql.Count, operation.GetTagItem("contenthub.sql_commands"));
        Assert.DoesNotContain(spans.SelectMany(span => span.TagObjects), tag => tag.Value?.ToString()?.Contains("2071-07-19", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public async Task Should_tag_the_operation_span_with_the_request_id_of_the_error_response()
    {
        using var client = CreateClient();

        var response = await client.PostOperationAsync("query Broken { articles { nope } }", "Broken");
        var operation = Assert.Single(await SpansOfRequestAsync(), span => span.Source.Name == GraphQLTelemetry.Name);

        var error = response.Errors![0]!["extensions"]!;
        Assert.Equal(error["requestId"]!.GetValue<string>(), operation.GetTagItem("contenthub.request_id"));
        Assert.Equal(error["code"]!.GetValue<string>(), operation.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
    }

    [SkippableFact]
    public async Task Should_start_no_span_of_its_own_below_a_caller_that_does_not_record()
    {
        var unrecorded = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        var started = new List<Activity>();
        // Sees every span our sources start, recorded or not (sampling is decided by the server's own tracer).
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GraphQLTelemetry.Name or SqlCommandTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStarted = activity =>
            {
                lock (started)
                {
                    started.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var unrecordedCaller = CreateClient(unrecorded);
        using var recordedCaller = CreateClient();

        var response = await unrecordedCaller.PostOperationAsync(Since, "ArticlesSince", new { after = SecretDate });
        await recordedCaller.PostOperationAsync(Since, "ArticlesSince", new { after = "2070-01-01T00:00:00Z" }); // not the answer cached above

        Assert.Equal(0, response.AssertData()["articles"]!["totalCount"]!.GetValue<int>());
        lock (started)
        {
            Assert.DoesNotContain(started, span => span.TraceId == unrecorded.TraceId);
            Assert.Contains(started, span => span.TraceId == _caller.TraceId && span.Source.Name == GraphQLTelemetry.Name);
            Assert.Contains(started, span => span.TraceId == _caller.TraceId && span.Source.Name == SqlCommandTelemetry.SourceName);
        }
    }

    private HttpClient CreateClient() => CreateClient(_caller);

    private HttpClient CreateClient(ActivityContext caller)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{caller.TraceId}-{caller.SpanId}-{(caller.TraceFlags == ActivityTraceFlags.Recorded ? "01" : "00")}");
        return client;
    }

    /// <summary>The spans of the one GraphQL request sent, once its server span has ended (just after the response was sent).</summary>
    private async Task<List<Activity>> SpansOfRequestAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (_spans)
            {
                if (_spans.Any(span => span.ParentSpanId == _caller.SpanId))
                {
                    return [.. _spans.Where(span => span.TraceId == _caller.TraceId)];
                }
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    public sealed class OnSqlite() : ObservabilityTracingTests(new ContentHubFactory());

    public sealed class OnPostgreSql() : ObservabilityTracingTests(new CustomContentHubFactory(TestDatabase.PostgreSql));
}
