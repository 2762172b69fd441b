using ContentHub.Server.Categories;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Content.Reference;

/// <summary>
/// The one <see cref="ReferenceSnapshot"/> of this process, with the <see cref="IContentChanges"/> stamp taken before
/// it was read: before each use it asks whether a write changed what it holds since, and if so reads it again, once,
/// while other readers wait for that read.
/// </summary>
public sealed class ReferenceDataCache(
    IDbContextFactory<ContentHubDbContext> contexts,
    IContentChanges changes,
    TimeProvider clock,
    IOptions<ReferenceDataOptions> options)
{
    // A write to a published category, disclaimer, fact or the site changes its collection's key (see ContentEditor.KeysChangedBy);
    // a write to any category also changes the disclaimers' key, for the links to its disclaimers.
    private static readonly string[] s_holds =
        [ContentKeys.Collection(typeof(Category)), ContentKeys.Collection(typeof(Disclaimer)), ContentKeys.Collection(typeof(Fact)), ContentKeys.Site];

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Kept? _kept;

    /// <summary>The snapshot, current as of every write reported so far; null when that cannot be known (read the database instead).</summary>
    public async Task<ReferenceSnapshot?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MaxAgeSeconds == 0)
        {
            return null;
        }

        var seen = Volatile.Read(ref _kept);
        if (seen is not null)
        {
            switch (await IsCurrentAsync(seen, cancellationToken))
            {
                case true:
                    return seen.Snapshot;
                case null:
                    return null;
            }
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            var kept = _kept;
            if (!ReferenceEquals(kept, seen) && kept is not null && await IsCurrentAsync(kept, cancellationToken) == true)
            {
                return kept.Snapshot; // another reader read it meanwhile
            }

            if (await changes.StampAsync(cancellationToken) is not { } stamp)
            {
                return null;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var snapshot = await ReferenceSnapshotReader.ReadAsync(db, cancellationToken);
            Volatile.Write(ref _kept, new Kept(snapshot, stamp, clock.GetUtcNow()));
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async ValueTask<bool?> IsCurrentAsync(Kept kept, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - kept.ReadAt >= TimeSpan.FromSeconds(options.Value.MaxAgeSeconds))
        {
            return false;
        }

        return await changes.ChangedSinceAsync(kept.Stamp, s_holds, cancellationToken) is { } changed ? !changed : null;
    }

    private sealed record Kept(ReferenceSnapshot Snapshot, long Stamp, DateTimeOffset ReadAt);
}
