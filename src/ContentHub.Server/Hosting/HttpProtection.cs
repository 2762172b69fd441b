using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;

namespace ContentHub.Server.Hosting;

/// <summary>Security headers, CORS, request timeouts and per-client rate limits, on by default.</summary>
public static class HttpProtection
{
    private const string CorsPolicy = "front-ends";

    public static IServiceCollection AddHttpProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpProtectionOptions>().BindConfiguration(HttpProtectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(HttpProtectionOptions.Section).Get<HttpProtectionOptions>() ?? new HttpProtectionOptions();

        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.CorsOrigins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Authorization", "Accept")));

        services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => WriteErrorAsync(context, "The request took too long and was cancelled.", "TIMEOUT"),
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                options.RateLimitBurst == 0
                    ? RateLimitPartition.GetNoLimiter("off")
                    : RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.RateLimitBurst,
                        TokensPerPeriod = Math.Max(1, options.RateLimitPerSecond),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(rejected.HttpContext, "Too many requests; retry after the number of seconds in Retry-After.", "RATE_LIMITED");
            };
        });
        return services;
    }

    public static WebApplication UseHttpProtection(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    // Anonymous callers are limited per address; editors (issue: API keys) will be limited per key.
    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async Task WriteErrorAsync(HttpContext context, string message, string code)
    {
        context.Response.ContentType = MediaTypeNames.Application.Json + "; charset=utf-8";
        var body = new { errors = new[] { new { message, extensions = new { code, requestId = context.TraceIdentifier } } } };
        await JsonSerializer.SerializeAsync(context.Response.Body, body);
    }
}
