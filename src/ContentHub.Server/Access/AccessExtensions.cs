using System.Net.Mime;
using System.Security.Claims;
using ContentHub.Server.Content;
using ContentHub.Server.GraphQL;
using Microsoft.AspNetCore.Authentication;

namespace ContentHub.Server.Access;

public static class AccessExtensions
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<ApiKeyStore>();
        services.AddDataProtection();
        services.AddSingleton<PreviewTokens>();
        return services;
    }

    /// <summary>
    /// Authenticates every request; one that presents a bad key or a bad preview token is refused instead of
    /// treated as anonymous. A valid preview token adds its grant to the caller, whoever they are.
    /// </summary>
    public static WebApplication UseApiKeys(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // The handler remembers its result for the request, so asking again costs no second lookup.
            if ((await context.AuthenticateAsync()).Failure is { } failure)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await ErrorResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, MediaTypeNames.Application.Json,
                    failure.Message, ErrorCodes.Unauthenticated);
                return;
            }

            if (context.Request.Headers[PreviewTokens.Header].ToString() is { Length: > 0 } token)
            {
                if (context.RequestServices.GetRequiredService<PreviewTokens>().Read(token) is not { } grant)
                {
                    await ErrorResponse.WriteAsync(context, StatusCodes.Status401Unauthorized, MediaTypeNames.Application.Json,
                        $"The {PreviewTokens.Header} header holds no valid preview token: it is damaged or has expired. Ask an editor for a new link.",
                        ErrorCodes.Unauthenticated);
                    return;
                }

                context.User.AddIdentity(new ClaimsIdentity([new Claim(PreviewGrant.ClaimType, grant.ToClaimValue())]));
            }

            await next(context);
        });
        return app;
    }
}
