using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>
/// What an article's category, or any category above it, asks of its medical review: whether publishing needs an
/// approval, and the days until the next review is due (the nearest category's that sets it).
/// </summary>
public sealed record MedicalReviewPolicy(bool Required, int? IntervalDays)
{
    public static async Task<MedicalReviewPolicy> ReadAsync(ContentHubDbContext db, int? categoryId, CancellationToken cancellationToken)
    {
        if (categoryId is null)
        {
            return new MedicalReviewPolicy(false, null);
        }

        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.ParentId, c.RequiresMedicalReview, c.ReviewIntervalDays })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var (required, interval) = (false, (int?)null);
        var seen = new HashSet<int>();
        for (var id = categoryId; id is { } current && seen.Add(current) && categories.TryGetValue(current, out var category); id = category.ParentId)
        {
            required |= category.RequiresMedicalReview;
            interval ??= category.ReviewIntervalDays;
        }

        return new MedicalReviewPolicy(required, interval);
    }
}
