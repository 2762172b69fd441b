using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Articles;

/// <summary>
/// A catalogue for list tests: a category tree (health › spine › lumbar; health › hidden (a draft) › under-hidden;
/// other), 240 articles spread over it with drafts, archived ones, shared timestamps and shared titles, tags and
/// searchable words.
/// </summary>
public static class ArticleCatalog
{
    public const int Count = 240;

    public static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task SeedAsync(ContentHubFactory factory)
    {
        await using var db = factory.CreateDbContext();
        if (db.Articles.Any())
        {
            return;
        }

        var health = TestContent.Category("health", PublicationStatus.Published);
        var spine = TestContent.Category("spine", PublicationStatus.Published, health);
        var lumbar = TestContent.Category("lumbar", PublicationStatus.Published, spine);
        var hidden = TestContent.Category("hidden", PublicationStatus.Draft, health);
        var underHidden = TestContent.Category("under-hidden", PublicationStatus.Published, hidden);
        var other = TestContent.Category("other", PublicationStatus.Published);
        Category?[] categories = [health, spine, lumbar, underHidden, other, null];
        var disclaimer = TestContent.Disclaimer("spine-note", PublicationStatus.Published);
        spine.Disclaimers.Add(disclaimer);
        var siteWide = TestContent.Disclaimer("site-wide", PublicationStatus.Published, DisclaimerPlacement.SiteFooter);
        siteWide.SiteWide = true;
        db.Disclaimers.Add(siteWide);

        for (var i = 0; i < Count; i++)
        {
            var status = (i % 10) switch
            {
                7 => PublicationStatus.Draft,
                8 => PublicationStatus.Archived,
                9 when i % 30 == 29 => PublicationStatus.Trashed,
                _ => PublicationStatus.Published,
            };
            var article = TestContent.Article($"article-{i:D3}", status, categories[i % categories.Length]);
            // Pairs share a timestamp and every fifth title repeats: ids must break ties in every order.
            article.PublishedAt = status is PublicationStatus.Draft ? null : Start.AddDays(i / 2 * 3);
            article.CreatedAt = Start.AddDays(i * 2 % 500);
            article.Title = i % 5 == 0 ? "Shared title" : (i % 4 == 0 ? $"Walking helps {i:D3}" : $"{(char)('A' + (i * 7 % 26))}rticle {i:D3}");
            article.Summary = i % 6 == 0 ? $"A YOGA routine, number {i}." : null;
            article.Tags = (i % 3) switch { 0 => ["exercise"], 1 => ["surgery"], _ => [] };
            if (i % 7 == 0)
            {
                article.Tags.Add("rare");
            }

            if (i == 11)
            {
                article.Title = "100% natural_remedies";
                article.Disclaimers.Add(disclaimer);
            }

            db.Articles.Add(article);
        }

        await db.SaveChangesAsync();
    }
}
