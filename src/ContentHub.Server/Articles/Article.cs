using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using GraphQL;

namespace ContentHub.Server.Articles;

/// <summary>A blog article: Markdown body, hero image, category, tags, call to action and disclaimers.</summary>
public sealed class Article : ContentItem
{
    /// <summary>URL-friendly unique name, e.g. <c>revision-surgery</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>The headline.</summary>
    public required string Title { get; set; }

    /// <summary>A short teaser for lists and link previews.</summary>
    public string? Summary { get; set; }

    /// <summary>The article text: Markdown source with its sanitised HTML and plain text.</summary>
    public required RichText Body { get; set; }

    /// <summary>The image shown above the article.</summary>
    public Image? HeroImage { get; set; }

    [Ignore]
    public int? CategoryId { get; set; }

    [Ignore]
    public Category? Category { get; set; }

    /// <summary>Free-form topic labels, lower case.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Search-engine title and description; fall back to title and summary when empty.</summary>
    public Seo Seo { get; set; } = new();

    /// <summary>Estimated minutes to read the body (the same as <c>body.readingTimeMinutes</c>).</summary>
    public int ReadingTimeMinutes => Body.ReadingTimeMinutes;

    /// <summary>The invitation to act shown after the body, such as a phone number to call.</summary>
    public CallToAction? CallToAction { get; set; }

    [Ignore]
    public List<Disclaimer> Disclaimers { get; set; } = [];
}
