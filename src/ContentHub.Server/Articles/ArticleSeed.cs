using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using GraphQL;
using YamlDotNet.Serialization;

namespace ContentHub.Server.Articles;

/// <summary>An article file: YAML front matter with a Markdown body after it.</summary>
public sealed class ArticleSeed : ISeed
{
    public const int MaxBodyLength = 200_000;

    /// <summary>Defaults to the file name without <c>.md</c>.</summary>
    public string? Slug { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    /// <summary>The category's slug.</summary>
    public string? Category { get; set; }

    public List<string> Tags { get; set; } = [];

    [Ignore] // changed by the publish, unpublish, archive and delete mutations only
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    /// <summary>When empty on a published article, the time of its first import.</summary>
    [Ignore]
    public DateTime? PublishedAt { get; set; }

    public Image? HeroImage { get; set; }

    public Seo Seo { get; set; } = new();

    public CallToAction? CallToAction { get; set; }

    /// <summary>Keys of disclaimers attached to this article.</summary>
    public List<string> Disclaimers { get; set; } = [];

    public Reviewer? Reviewer { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public DateTime? NextReviewDue { get; set; }

    public List<Citation> Citations { get; set; } = [];

    public DateTime? ExpiresAt { get; set; }

    /// <summary>The Markdown after the front matter.</summary>
    [YamlIgnore]
    public string Body { get; set; } = "";

    public string? NaturalKey => Slug;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Slug, "slug", FieldLengths.Slug)
            .Concat(FieldRules.RequiredText(Title, "title", FieldLengths.Title))
            .Concat(FieldRules.MaxLength(Summary, FieldLengths.ShortText, "summary"))
            .Concat(FieldRules.MaxLength(Seo.Title, FieldLengths.Title, "seo.title"))
            .Concat(FieldRules.MaxLength(Seo.Description, FieldLengths.ShortText, "seo.description"))
            .Concat(FieldRules.Required(Body, "body"))
            .Concat(FieldRules.MaxLength(Body, MaxBodyLength, "body"))
            .Concat(FieldRules.Image(HeroImage, "heroImage"))
            .Concat(CallToAction is null ? [] : FieldRules.RequiredText(CallToAction.Text, "callToAction.text", FieldLengths.ShortText))
            .Concat(FieldRules.MaxLength(CallToAction?.PhoneNumber, FieldLengths.Label, "callToAction.phoneNumber"))
            .Concat(FieldRules.HttpUrl(CallToAction?.Url, "callToAction.url"))
            .Concat(FieldRules.Check(!Tags.Any(string.IsNullOrWhiteSpace), "tags", "tags must not be empty"))
            .Concat(MedicalFieldRules.Review(Reviewer, ReviewedAt, NextReviewDue))
            .Concat(MedicalFieldRules.Citations(Citations));
}
