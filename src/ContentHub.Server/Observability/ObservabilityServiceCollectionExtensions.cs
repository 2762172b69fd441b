using ContentHub.Server.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ContentHub.Server.Observability;

/// <summary>
/// OpenTelemetry, set up only for what <see cref="ObservabilityOptions"/> switches on: metrics for a Prometheus scrape
/// path and/or OTLP, traces for OTLP. With nothing switched on no provider, exporter or listener exists, and the
/// instruments of <see cref="GraphQLTelemetry"/> and the rest stay disabled.
/// </summary>
public static class ObservabilityServiceCollectionExtensions
{
    public const string ServiceName = "contenthub";

    /// <summary>
    /// ASP.NET Core's meters worth their cost: requests, connections, unhandled exceptions. Not all of them, as
    /// <c>AddAspNetCoreInstrumentation</c> would: routing, authentication, authorization, rate limiting and Kestrel's
    /// memory pool record several measurements per request (on a cached answer, more CPU than all other metrics
    /// together) and tell nothing the request metrics and <c>contenthub_requests_refused_total</c> do not.
    /// </summary>
    private static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics"];

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GraphQLTelemetry>();
        services.AddSingleton<BackgroundWorkMetrics>();
        services.AddSingleton<IInterceptor, SqlCommandTelemetry>();

        var options = configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        if (!options.MetricsEnabled && !options.TracingEnabled)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        if (options.MetricsEnabled)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter("ContentHub.*").AddMeter(AspNetCoreMeters).AddRuntimeInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    // Every scrape sees the latest values (the exporter's default keeps an answer for 300 ms).
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (options.Otlp.Enabled)
                {
                    metrics.AddOtlpExporter(otlp => ConfigureOtlp(otlp, options.Otlp, "v1/metrics"));
                }
            });
        }

        if (options.TracingEnabled)
        {
            // ASP.NET Core continues the caller's traceparent itself. OpenTelemetry's default propagator would parse
            // the trace and baggage headers again on every request, sampled or not, and store the baggage in an
            // async-local value; nothing here reads baggage, and no outgoing call is traced.
            Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSamplingRatio)))
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeOrScrape(context, options))
                .AddSource(GraphQLTelemetry.Name, SqlCommandTelemetry.SourceName)
                .AddOtlpExporter(otlp => ConfigureOtlp(otlp, options.Otlp, "v1/traces")));
        }

        return services;
    }

    /// <summary>The Prometheus scrape endpoint, when a path is configured (only on its own port, when one is).</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        var prometheus = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObservabilityOptions>>().Value.Prometheus;
        if (prometheus.Enabled)
        {
            var endpoint = app.MapPrometheusScrapingEndpoint(prometheus.Path).DisableRateLimiting();
            if (prometheus.Port is not 0 and var port)
            {
                // The port the connection came in on, not the Host header's, which the client chooses.
                endpoint.Add(builder =>
                {
                    var scrape = builder.RequestDelegate!;
                    builder.RequestDelegate = context => context.Connection.LocalPort == port ? scrape(context) : NotFound(context);
                });
            }
        }

        return app;
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static void ConfigureOtlp(OtlpExporterOptions otlp, ObservabilityOptions.OtlpOptions options, string signalPath)
    {
        otlp.Protocol = options.Protocol;
        if (Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint))
        {
            otlp.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
                ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
                : endpoint;
        }
    }

    private static bool IsProbeOrScrape(HttpContext context, ObservabilityOptions options) =>
        context.Request.Path.StartsWithSegments("/health")
        || (options.Prometheus.Enabled && context.Request.Path.StartsWithSegments(options.Prometheus.Path));
}
