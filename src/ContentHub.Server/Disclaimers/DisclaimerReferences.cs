using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Disclaimers;

/// <summary>Attaches disclaimers named by key to an article or category being edited.</summary>
public static class DisclaimerReferences
{
    public static async Task<IReadOnlyList<FieldError>> AttachAsync(
        ContentHubDbContext db, List<string> keys, List<Disclaimer> attached, CancellationToken cancellationToken)
    {
        var found = await db.Disclaimers.Where(d => keys.Contains(d.Key) && d.Status != PublicationStatus.Trashed)
            .ToListAsync(cancellationToken);
        var missing = keys.Except(found.Select(d => d.Key), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return [new FieldError("disclaimers", EditingErrorCodes.NotFound, $"No disclaimer has the key {string.Join(", ", missing.Select(k => $"'{k}'"))}.")];
        }

        attached.RemoveAll(d => !keys.Contains(d.Key));
        attached.AddRange(found.Where(d => !attached.Contains(d)));
        return [];
    }
}
