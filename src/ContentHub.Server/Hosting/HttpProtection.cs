using System.Globalization;
using System.Net.Mime;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.GraphQL;
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
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, options.MinWorkerThreads), completionPorts);

        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            // Browsers send an origin without a trailing slash; a configured one with a slash would never match.
            .WithOrigins([.. options.CorsOrigins.Select(origin => origin.TrimEnd('/'))])
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(["Content-Type", "Authorization", "Accept", PreviewTokens.Header, .. MultipartRequestReader.PreflightHeaders])
            .WithExposedHeaders("Retry-After")));

        services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => ErrorResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                MediaTypeNames.Application.Json, "The request took too long and was cancelled.", ErrorCodes.Timeout),
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
                        TokensPerPeriod = options.RateLimitPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = (rejected, _) => new ValueTask(WriteTooManyRequestsAsync(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1),
                "Too many requests; retry after the number of seconds in Retry-After."));
        });
        services.AddSingleton<FailedAccessLimiter>();
        return services;
    }

    /// <summary>Security headers and CORS: first in the pipeline, so every answer carries them.</summary>
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
        return app;
    }

    /// <summary>Rate limits and timeouts: after authentication, so editors are limited per key.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>A 429 <c>RATE_LIMITED</c> answer with <c>Retry-After</c> in whole seconds.</summary>
    public static Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter, string message)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ErrorResponse.WriteAsync(context, StatusCodes.Status429TooManyRequests, MediaTypeNames.Application.Json, message, ErrorCodes.RateLimited);
    }

    /// <summary>The partition of a caller known only by its address.</summary>
    public static string AddressOf(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    // Anonymous callers are limited per address, key holders per key (many editors may share an office address).
    private static string ClientKey(HttpContext context) =>
        context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } keyId ? "key:" + keyId : AddressOf(context);
}
