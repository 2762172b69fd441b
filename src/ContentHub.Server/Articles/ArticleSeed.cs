using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using System.Text.Json.Serialization;
using GraphQL;
using YamlDotNet.Serialization;

namespace ContentHub.Server.Articles;

/// <summary>An article's editable fields: a seed file (YAML front matter, then the Markdown body) or <c>ArticleInput</c>.</summary>
public sealed class ArticleSeed : ISeed
{
    public const int MaxBodyLength = 200_000;

    /// <summary>The article's URL name (lower-case letters, digits, hyphens); made from the title when left out (a seed file's default: its file name without <c>.md</c>). Changing a published article's slug keeps the old one redirecting.</summary>
    public string? Slug { get; set; }

    /// <summary>The headline; required, at most 300 characters.</summary>
    public string? Title { get; set; }

    /// <summary>A teaser for lists and search results; at most 1,000 characters.</summary>
    [MultiLine]
    public string? Summary { get; set; }

    /// <summary>The category's slug.</summary>
    public string? Category { get; set; }

    /// <summary>Free-form labels, for filtering and related articles.</summary>
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

    /// <summary>Slugs of the people credited as its authors, in byline order (at most 20).</summary>
    public List<string> Authors { get; set; } = [];

    /// <summary>Set by approveArticle, never typed: giving it is refused with SET_BY_APPROVAL.</summary>
    public Reviewer? Reviewer { get; set; }

    /// <summary>Set by approveArticle, never typed: giving it is refused with SET_BY_APPROVAL.</summary>
    public DateTime? ReviewedAt { get; set; }

    /// <summary>Set by approveArticle (the approval plus the category's review interval), never typed: giving it is refused with SET_BY_APPROVAL.</summary>
    public DateTime? NextReviewDue { get; set; }

    /// <summary>A seed file's medical approval (<see cref="SeedApproval"/>); never part of a mutation's input, nor of revisions.</summary>
    [Ignore]
    [JsonIgnore]
    public SeedApproval? Approval { get; set; }

    /// <summary>The sources it cites (at most 100).</summary>
    public List<Citation> Citations { get; set; } = [];

    /// <summary>When its advice goes out of date (UTC): then it is archived or flagged, as the server is configured.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The text in Markdown (in a seed file: everything after the front matter); required, at most 200,000 characters. Rendered and sanitised on save.</summary>
    [YamlIgnore]
    [MultiLine]
    public string Body { get; set; } = "";

    public string? NaturalKey => Slug;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Slug, "slug", FieldLengths.Slug)
            .Concat(FieldRules.RequiredText(Title, "title", FieldLengths.Title))
            .Concat(FieldRules.MaxLength(Summary, FieldLengths.ShortText, "summary"))
            .Concat(FieldRules.MaxLength(Seo.Title, FieldLengths.Title, "seo.title"))
            .Concat(FieldRules.MaxLength(Seo.Description, FieldLengths.ShortText, "seo.description"))
            .Concat(FieldRules.HttpUrl(Seo.CanonicalUrl, "seo.canonicalUrl"))
            .Concat(RobotsDirectives.Problems(Seo.Robots, "seo.robots"))
            .Concat(FieldRules.Image(Seo.Image, "seo.image"))
            .Concat(FieldRules.Required(Body, "body"))
            .Concat(FieldRules.MaxLength(Body, MaxBodyLength, "body"))
            .Concat(FieldRules.Image(HeroImage, "heroImage"))
            .Concat(CallToAction is null ? [] : FieldRules.RequiredText(CallToAction.Text, "callToAction.text", FieldLengths.ShortText))
            .Concat(FieldRules.MaxLength(CallToAction?.PhoneNumber, FieldLengths.Label, "callToAction.phoneNumber"))
            .Concat(FieldRules.HttpUrl(CallToAction?.Url, "callToAction.url"))
            .Concat(FieldRules.Check(!Tags.Any(string.IsNullOrWhiteSpace), "tags", "tags must not be empty"))
            .Concat(MedicalFieldRules.SetByApproval(Reviewer, ReviewedAt, NextReviewDue))
            .Concat(MedicalFieldRules.Citations(Citations))
            .Concat(Approval?.Problems() ?? []);
}
