using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Disclaimers;

/// <summary>Disclaimers named by key in an article or category being edited: attached, or checked to exist.</summary>
public static class DisclaimerReferences
{
    public static async Task<IReadOnlyList<FieldError>> AttachAsync(
        ContentHubDbContext db, List<string> keys, List<Disclaimer> attached, CancellationToken cancellationToken)
    {
        var found = await Existing(db, keys).ToListAsync(cancellationToken);
        if (Missing(keys, found.Select(d => d.Key), "disclaimers") is { } error)
        {
            return [error];
        }

        attached.RemoveAll(d => !keys.Contains(d.Key));
        attached.AddRange(found.Where(d => !attached.Contains(d)));
        return [];
    }

    /// <summary>An error on <paramref name="field"/> unless every key names a disclaimer.</summary>
    public static async Task<IReadOnlyList<FieldError>> CheckExistAsync(
        ContentHubDbContext db, List<string> keys, string field, CancellationToken cancellationToken) =>
        Missing(keys, await Existing(db, keys).Select(d => d.Key).ToListAsync(cancellationToken), field) is { } error ? [error] : [];

    private static IQueryable<Disclaimer> Existing(ContentHubDbContext db, List<string> keys) =>
        db.Disclaimers.Where(d => keys.Contains(d.Key) && d.Status != PublicationStatus.Trashed);

    private static FieldError? Missing(List<string> keys, IEnumerable<string> found, string field) =>
        keys.Except(found, StringComparer.Ordinal).ToList() is { Count: > 0 } missing
            ? new FieldError(field, EditingErrorCodes.NotFound, $"No disclaimer has the key {string.Join(", ", missing.Select(k => $"'{k}'"))}.")
            : null;
}
