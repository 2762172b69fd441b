using System.Net.Mime;
using System.Security.Claims;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.GraphQL;
using ContentHub.Server.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace ContentHub.Server.Access;

public static class AccessExtensions
{
    private const string CallerScheme = "Caller";
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";
    private const string TooManyFailures = "Too many failed authentications from this address; retry after the number of seconds in Retry-After.";

    /// <summary>API keys, and JSON Web Tokens when <see cref="JwtOptions.Authority"/> is configured.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var authentication = services.AddAuthentication(CallerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(CallerScheme, "API key or JWT", policy => policy.ForwardDefaultSelector = context =>
                string.IsNullOrEmpty(jwt.Authority) || ApiKeyToken.IsPresentedBy(context.Request.Headers.Authorization)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme);
        if (!string.IsNullOrEmpty(jwt.Authority))
        {
            authentication.AddJwtBearer(options =>
            {
                options.Authority = jwt.Authority;
                options.Audience = jwt.Audience;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = jwt.NameClaim;
                options.TokenValidationParameters.RoleClaimType = jwt.RoleClaim;
                options.Events = new JwtBearerEvents { OnTokenValidated = context => MapRoles(context, jwt) };
            });
        }

        services.AddSingleton<ApiKeyStore>();
        // One key ring for every node on the database, so a preview token sealed by one opens on all of them. The
        // ring is read on first use, after start-up has migrated the database.
        services.AddDataProtection().SetApplicationName("ContentHub").PersistKeysToDbContext<ContentHubDbContext>();
        services.AddSingleton<PreviewTokens>();
        return services;
    }

    /// <summary>
    /// Authenticates every request that presents credentials (one without any is anonymous, and nothing about it is
    /// looked up); one that presents a bad key or a bad preview token is refused instead of treated as anonymous, and
    /// one whose credentials cannot be checked because the database is unavailable gets the 503
    /// <c>DATABASE_UNAVAILABLE</c> every other request gets then, so the client retries rather than re-asks. A valid
    /// preview token adds its grant to the caller, whoever they are. Failures count against the address's
    /// <see cref="FailedAccessLimiter"/>: once it is spent, credentials from there are refused with 429 before they are
    /// looked at.
    /// </summary>
    public static WebApplication UseApiKeys(this WebApplication app)
    {
        var failures = app.Services.GetRequiredService<FailedAccessLimiter>();
        // WebApplication puts authentication first in the pipeline unless the app itself called UseAuthentication
        // (this key, read by WebApplicationBuilder, is what that call sets): it runs in the branch below instead.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSetKey] = true;
        app.UseWhen(context => PresentsCredentials(context.Request), credentials =>
        {
            credentials.Use(async (context, next) =>
            {
                if (failures.Exhausted(context) is { } wait)
                {
                    await HttpProtection.WriteTooManyRequestsAsync(context, wait, TooManyFailures);
                    return;
                }

                await next(context);
            });
            credentials.UseAuthentication();
            credentials.Use(CheckCredentialsAsync);
        });
        return app;

        async Task CheckCredentialsAsync(HttpContext context, RequestDelegate next)
        {
            // The handler remembers its result for the request, so asking again costs no second lookup.
            var databaseErrors = context.RequestServices.GetRequiredService<IDatabaseErrorClassifier>();
            if ((await context.AuthenticateAsync()).Failure is { } failure)
            {
                await (databaseErrors.ClassifyAny(failure) is DatabaseFailure.Unavailable
                    ? DatabaseUnavailableAsync(context, failure)
                    : RefuseAsync(context, failures, failure.Message));
                return;
            }

            if (context.Request.Headers[PreviewTokens.Header].ToString() is { Length: > 0 } token)
            {
                PreviewGrant? grant;
                try
                {
                    grant = await context.RequestServices.GetRequiredService<PreviewTokens>().ReadAsync(token, context.RequestAborted);
                }
                catch (Exception exception) when (databaseErrors.ClassifyAny(exception) is DatabaseFailure.Unavailable)
                {
                    await DatabaseUnavailableAsync(context, exception);
                    return;
                }

                if (grant is null)
                {
                    await RefuseAsync(context, failures,
                        $"The {PreviewTokens.Header} header holds no valid preview token: it is damaged, has expired or was revoked. Ask an editor for a new link.");
                    return;
                }

                context.User.AddIdentity(new ClaimsIdentity([new Claim(PreviewGrant.ClaimType, grant.ToClaimValue())]));
            }

            await next(context);
        }
    }

    private static bool PresentsCredentials(HttpRequest request) =>
        !string.IsNullOrEmpty(request.Headers.Authorization) || !string.IsNullOrEmpty(request.Headers[PreviewTokens.Header]);

    /// <summary>401, or 429 when this failure is one too many for the caller's address.</summary>
    private static Task RefuseAsync(HttpContext context, FailedAccessLimiter failures, string message)
    {
        if (failures.Spend(context) is { } wait)
        {
            return HttpProtection.WriteTooManyRequestsAsync(context, wait, TooManyFailures);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, MediaTypeNames.Application.Json, message, ErrorCodes.Unauthenticated);
    }

    /// <summary>A 503 to retry, as the GraphQL endpoint answers when the database fails during a request.</summary>
    private static Task DatabaseUnavailableAsync(HttpContext context, Exception exception)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessExtensions))
            .LogError(exception, "The database is unavailable to check credentials (request {RequestId})", context.TraceIdentifier);
        context.Response.Headers.RetryAfter = "5";
        return ErrorResponse.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, MediaTypeNames.Application.Json,
            "The database is unavailable; try again shortly.", ErrorCodes.DatabaseUnavailable);
    }

    /// <summary>Gives a signed-in user our role names for the identity provider's, and nothing else.</summary>
    private static Task MapRoles(TokenValidatedContext context, JwtOptions jwt)
    {
        var user = context.Principal!;
        var roles = jwt.RoleNames().Where(role => user.IsInRole(role.Theirs)).Select(role => new Claim(ClaimTypes.Role, role.Ours)).ToList();
        if (user.FindFirst(jwt.PersonClaim)?.Value is { Length: > 0 } person)
        {
            roles.Add(new Claim(Viewer.PersonClaim, person));
        }

        var name = user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? "unnamed";
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            roles.Append(new Claim(ClaimTypes.Name, name)), JwtBearerDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
        return Task.CompletedTask;
    }
}
