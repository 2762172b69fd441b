using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace ContentHub.Server.Observability;

/// <summary>
/// Metrics and traces (OpenTelemetry), all off by default: with nothing set, no exporter and no listener is set up.
/// Bound from <c>Observability</c>.
/// </summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string Section = "Observability";

    public PrometheusScrapeOptions Prometheus { get; set; } = new();

    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The share of traces recorded and exported (0 to 1), unless the caller's <c>traceparent</c> decided already.</summary>
    [Range(0.0, 1.0)]
    public double TraceSamplingRatio { get; set; } = 1.0;

    /// <summary>
    /// How many distinct operation names the request metrics label; names first seen after that are counted as
    /// <c>other</c>. Operation names are chosen by clients, and every name is a time series of its own.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxOperationNames { get; set; } = 100;

    /// <summary>Whether metrics are collected: for a Prometheus scrape path or an OTLP endpoint.</summary>
    public bool MetricsEnabled => Prometheus.Enabled || Otlp.Enabled;

    /// <summary>Whether traces are recorded: only to send them somewhere (OTLP).</summary>
    public bool TracingEnabled => Otlp.Enabled;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Prometheus.Enabled && !Prometheus.Path.StartsWith('/'))
        {
            yield return new ValidationResult("Observability:Prometheus:Path must start with '/' (or be empty: off).", ["Prometheus.Path"]);
        }

        if (Prometheus.Port is < 0 or > 65_535)
        {
            yield return new ValidationResult("Observability:Prometheus:Port must be a port number, or 0 for any port the server listens on.", ["Prometheus.Port"]);
        }

        if (Otlp.Enabled && !(Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            yield return new ValidationResult("Observability:Otlp:Endpoint must be an absolute http(s) URL (or be empty: off).", ["Otlp.Endpoint"]);
        }
    }

    /// <summary>The Prometheus scrape endpoint. Bound from <c>Observability:Prometheus</c>.</summary>
    public sealed class PrometheusScrapeOptions
    {
        /// <summary>The path Prometheus scrapes, e.g. <c>/metrics</c>; empty: no scrape endpoint.</summary>
        public string Path { get; set; } = "";

        /// <summary>
        /// When not 0, the scrape path answers only on this port (add it to the server's URLs, e.g. one bound to a
        /// private interface), and is not found on the public ones.
        /// </summary>
        public int Port { get; set; }

        public bool Enabled => !string.IsNullOrEmpty(Path);
    }

    /// <summary>The OpenTelemetry protocol exporter of traces and metrics. Bound from <c>Observability:Otlp</c>.</summary>
    public sealed class OtlpOptions
    {
        /// <summary>The collector's base URL, e.g. <c>http://collector:4317</c> (gRPC) or <c>http://collector:4318</c> (HTTP); empty: off.</summary>
        public string Endpoint { get; set; } = "";

        /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>; for the latter, <c>/v1/traces</c> and <c>/v1/metrics</c> are appended.</summary>
        public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

        public bool Enabled => !string.IsNullOrEmpty(Endpoint);
    }
}
