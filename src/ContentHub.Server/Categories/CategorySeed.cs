using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using GraphQL;

namespace ContentHub.Server.Categories;

/// <summary>An item of <c>categories.yaml</c>.</summary>
public sealed class CategorySeed : ISeed
{
    public string? Slug { get; set; }

    public string? Name { get; set; }

    [MultiLine]
    public string? Description { get; set; }

    /// <summary>The parent category's slug.</summary>
    public string? Parent { get; set; }

    public int SortOrder { get; set; }

    [Ignore] // changed by the publish, unpublish, archive and delete mutations only
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    /// <summary>Keys of disclaimers shown with every article in this category.</summary>
    public List<string> Disclaimers { get; set; } = [];

    /// <summary>Keys of disclaimers an article here or below must carry (its own, its category's or site-wide) to be published.</summary>
    public List<string> RequiredDisclaimers { get; set; } = [];

    /// <summary>Whether articles here and below are published only with a medical reviewer's approval of their content.</summary>
    public bool RequiresMedicalReview { get; set; }

    /// <summary>Days from an approval to the next review of articles here and below (1 to 3,650); empty: the nearest category above's, or the server's default.</summary>
    public int? ReviewIntervalDays { get; set; }

    public string? NaturalKey => Slug;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Slug, "slug", FieldLengths.Slug)
            .Concat(FieldRules.RequiredText(Name, "name", FieldLengths.Title))
            .Concat(FieldRules.MaxLength(Description, FieldLengths.LongText, "description"))
            .Concat(FieldRules.Check(!RequiredDisclaimers.Any(string.IsNullOrWhiteSpace), "requiredDisclaimers", "requiredDisclaimers must not be empty"))
            .Concat(FieldRules.Check(ReviewIntervalDays is null or (>= 1 and <= 3650), "reviewIntervalDays", "reviewIntervalDays must be between 1 and 3650"));
}
