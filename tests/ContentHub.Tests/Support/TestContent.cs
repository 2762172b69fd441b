using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;

namespace ContentHub.Tests.Support;

/// <summary>Builders for content that tests store directly, bypassing seeding.</summary>
public static class TestContent
{
    private static readonly DateTime s_published = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Article Article(string slug, PublicationStatus status, Category? category = null, int minutesAfter = 0) => new()
    {
        Slug = slug,
        Title = $"Title of {slug}",
        Body = MarkdownRenderer.Render($"Body of {slug}."),
        Status = status,
        Category = category,
        PublishedAt = status == PublicationStatus.Published ? s_published.AddMinutes(minutesAfter) : null,
        CreatedAt = s_published,
        UpdatedAt = s_published,
        Tags = ["test"],
    };

    public static Category Category(string slug, PublicationStatus status, Category? parent = null) => new()
    {
        Slug = slug,
        Name = $"Name of {slug}",
        Status = status,
        Parent = parent,
        CreatedAt = s_published,
        UpdatedAt = s_published,
    };

    public static Disclaimer Disclaimer(string key, PublicationStatus status, DisclaimerPlacement placement = DisclaimerPlacement.ArticleFooter) => new()
    {
        Key = key,
        Title = $"Title of {key}",
        Body = MarkdownRenderer.Render($"Body of {key}."),
        Placement = placement,
        Status = status,
        CreatedAt = s_published,
        UpdatedAt = s_published,
    };
}
