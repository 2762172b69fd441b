using System.Security.Claims;
using System.Text.Encodings.Web;
using ContentHub.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer chk_…</c>. No header: anonymous. A key that is malformed, unknown or
/// revoked fails, and <see cref="AccessExtensions.UseApiKeys"/> answers 401 rather than serving it as anonymous. When
/// the database cannot be asked, the failure carries the database's exception and is answered with a 503 instead.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<ContentHubDbContext> contexts,
    IDatabaseErrorClassifier databaseErrors)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || !ApiKeyToken.TryParse(header[BearerPrefix.Length..].Trim(), out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The Authorization header is not 'Bearer <ContentHub API key>'.");
        }

        ApiKey? key;
        string? person;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
            var found = await db.ApiKeys.AsNoTracking().Where(k => k.KeyId == keyId)
                .Select(k => new { Key = k, Person = k.Person == null ? null : k.Person.Slug })
                .FirstOrDefaultAsync(Context.RequestAborted);
            (key, person) = (found?.Key, found?.Person);
        }
        catch (Exception exception) when (databaseErrors.ClassifyAny(exception) is DatabaseFailure.Unavailable)
        {
            return AuthenticateResult.Fail(exception);
        }

        if (key is null || key.RevokedAt is not null || !ApiKeyToken.Matches(secret, key.SecretHash))
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.KeyId),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, ApiKeyRoles.NameOf(key.Role)),
        };
        if (person is not null)
        {
            claims.Add(new Claim(Viewer.PersonClaim, person));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
