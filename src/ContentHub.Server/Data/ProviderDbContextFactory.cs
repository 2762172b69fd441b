using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="ContentHubDbContext"/>.</summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<ContentHubDbContext>
    where TContext : ContentHubDbContext
{
    public ContentHubDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<ContentHubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
