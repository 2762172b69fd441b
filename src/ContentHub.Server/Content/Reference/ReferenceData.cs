using ContentHub.Server.Access;

namespace ContentHub.Server.Content.Reference;

/// <summary>
/// This request's <see cref="ReferenceSnapshot"/>: the same one for all its fields, asked for once. Only anonymous
/// readers without a preview get one: editors' and previewers' answers hold drafts, which the snapshot does not.
/// </summary>
public sealed class ReferenceData(ReferenceDataCache cache, Viewer viewer)
{
    private readonly Lock _gate = new();
    private Task<ReferenceSnapshot?>? _snapshot;

    /// <summary>The snapshot; null when the caller must read the database (an editor, a preview, or freshness unknown).</summary>
    public Task<ReferenceSnapshot?> GetAsync(CancellationToken cancellationToken)
    {
        if (viewer.IsEditor || viewer.Preview is not null)
        {
            return Task.FromResult<ReferenceSnapshot?>(null);
        }

        lock (_gate)
        {
            return _snapshot ??= cache.CurrentAsync(cancellationToken);
        }
    }
}
