using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Editing;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Articles;

/// <summary>
/// A published article carries every disclaimer its category and the categories above it require: attached to the
/// article, attached to its category, or site-wide, and published. Checked when an article goes or stays live, and
/// when a category or disclaimer changes, whichever path the change takes (mutation, bulk, scheduler, seed import).
/// </summary>
public static class RequiredDisclaimers
{
    private const int NamedArticles = 10;

    /// <summary>Why <paramref name="article"/>, as it stands in memory, may not be published.</summary>
    public static async Task<IReadOnlyList<FieldError>> MissingAsync(ContentHubDbContext db, Article article, CancellationToken cancellationToken)
    {
        if (article.CategoryId is null)
        {
            return [];
        }

        // The disclaimers' status and key as the rules read them: those loaded with the article may be stale by now.
        var rules = await DisclaimerRules.ReadAsync(db, cancellationToken);
        var carried = rules.PublishedKeys(article.Disclaimers.Select(d => d.Id)).ToHashSet(StringComparer.Ordinal);
        return rules.GapsOf(article.CategoryId)
            .Where(gap => !carried.Contains(gap.Key))
            .Select(gap => new FieldError("disclaimers", EditingErrorCodes.DisclaimerRequired,
                $"Articles in the category '{gap.Value}' need the disclaimer '{gap.Key}' to be published: attach it (published) to the article or its category."))
            .ToList();
    }

    /// <summary>Why <paramref name="category"/>, changed in memory, may not be saved: published articles would lose a disclaimer.</summary>
    public static async Task<IReadOnlyList<FieldError>> LostByChangeAsync(ContentHubDbContext db, Category category, CancellationToken cancellationToken)
    {
        if (category.Id == 0)
        {
            return []; // a new category holds no article yet
        }

        var before = await DisclaimerRules.ReadAsync(db, cancellationToken);
        return ToErrors(await LostAsync(db, before, before.With(category), rewritten: [], cancellationToken));
    }

    /// <summary>Why <paramref name="disclaimer"/>, changed in memory and in <paramref name="status"/>, may not be saved so.</summary>
    public static async Task<IReadOnlyList<FieldError>> LostByChangeAsync(
        ContentHubDbContext db, Disclaimer disclaimer, PublicationStatus status, CancellationToken cancellationToken)
    {
        if (disclaimer.Id == 0)
        {
            return [];
        }

        var before = await DisclaimerRules.ReadAsync(db, cancellationToken);
        return ToErrors(await LostAsync(db, before, before.With(disclaimer, status), rewritten: [], cancellationToken));
    }

    /// <summary>
    /// The published articles that lack a required disclaimer under <paramref name="after"/> but not under
    /// <paramref name="before"/>, and those named in <paramref name="rewritten"/> that lack one at all; one loss per key.
    /// Articles are queried as the database holds them, never loaded: one query per key whose rules got stricter.
    /// </summary>
    public static async Task<IReadOnlyList<DisclaimerLoss>> LostAsync(
        ContentHubDbContext db, DisclaimerRules before, DisclaimerRules after, IReadOnlyCollection<string> rewritten, CancellationToken cancellationToken)
    {
        var gapsBefore = before.Gaps();
        var gapsAfter = after.Gaps();
        var losses = new List<DisclaimerLoss>();
        foreach (var key in gapsAfter.Values.SelectMany(gaps => gaps.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var lacking = gapsAfter.Where(c => c.Value.ContainsKey(key)).Select(c => (int?)c.Key).ToList();
            var lackedBefore = gapsBefore.Where(c => c.Value.ContainsKey(key)).Select(c => (int?)c.Key).ToList();
            var (carrier, carrierBefore) = (after.PublishedId(key), before.PublishedId(key));
            if (rewritten.Count == 0 && carrier == carrierBefore && lacking.All(lackedBefore.Contains))
            {
                continue; // nothing got stricter for this key
            }

            var articles = db.Articles.AsNoTracking()
                .Where(a => a.Status == PublicationStatus.Published && lacking.Contains(a.CategoryId) && !a.Disclaimers.Any(d => d.Id == carrier))
                .Where(a => rewritten.Contains(a.Slug) || !(lackedBefore.Contains(a.CategoryId) && !a.Disclaimers.Any(d => d.Id == carrierBefore)));
            var named = await articles.OrderBy(a => a.Slug).Select(a => new { a.Slug, a.CategoryId }).Take(NamedArticles).ToListAsync(cancellationToken);
            if (named.Count == 0)
            {
                continue;
            }

            losses.Add(new DisclaimerLoss(
                key,
                named.Select(a => gapsAfter[a.CategoryId!.Value][key]).Distinct(StringComparer.Ordinal).ToList(),
                named.Select(a => a.Slug).ToList(),
                named.Count < NamedArticles ? named.Count : await articles.CountAsync(cancellationToken),
                after.FieldThatDropped(before, key)));
        }

        return losses;
    }

    private static List<FieldError> ToErrors(IEnumerable<DisclaimerLoss> losses) =>
        losses.Select(loss => new FieldError(loss.Field, EditingErrorCodes.DisclaimerRequired, loss.Message)).ToList();
}
