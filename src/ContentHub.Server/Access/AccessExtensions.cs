using System.Net.Mime;
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
        return services;
    }

    /// <summary>Authenticates every request; one that presents a bad key is refused instead of treated as anonymous.</summary>
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

            await next(context);
        });
        return app;
    }
}
