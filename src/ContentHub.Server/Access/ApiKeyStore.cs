using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Access;

/// <summary>Creates, lists and revokes API keys (the <c>keys</c> verbs).</summary>
public sealed class ApiKeyStore(IDbContextFactory<ContentHubDbContext> contexts, TimeProvider clock)
{
    /// <summary>Stores a new key, for the person with the slug <paramref name="person"/> if given, and returns the token to hand over; it cannot be shown again.</summary>
    /// <exception cref="ArgumentException">No person has that slug.</exception>
    public async Task<(ApiKey Key, string Token)> CreateAsync(string name, ApiKeyRole role, CancellationToken cancellationToken, string? person = null)
    {
        var (keyId, token, secretHash) = ApiKeyToken.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKey { KeyId = keyId, Name = name, Role = role, SecretHash = secretHash, CreatedAt = now, UpdatedAt = now };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (person is not null)
        {
            key.PersonId = await db.People.Where(p => p.Slug == person && p.Status != PublicationStatus.Trashed).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ArgumentException($"No person has the slug '{person}': create them first (createPerson, or people.yaml).", nameof(person));
        }

        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, token);
    }

    public async Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().Include(k => k.Person).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
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
