using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Access;

/// <summary>Creates, lists and revokes API keys (the <c>keys</c> verbs).</summary>
public sealed class ApiKeyStore(IDbContextFactory<ContentHubDbContext> contexts, TimeProvider clock)
{
    /// <summary>Stores a new key and returns the token to hand over; it cannot be shown again.</summary>
    public async Task<(ApiKey Key, string Token)> CreateAsync(string name, ApiKeyRole role, CancellationToken cancellationToken)
    {
        var (keyId, token, secretHash) = ApiKeyToken.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKey { KeyId = keyId, Name = name, Role = role, SecretHash = secretHash, CreatedAt = now, UpdatedAt = now };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, token);
    }

    public async Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes the key; false when no working key has that id.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.Where(k => k.KeyId == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now).SetProperty(k => k.UpdatedAt, now), cancellationToken) == 1;
    }
}
