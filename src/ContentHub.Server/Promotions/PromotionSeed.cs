using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using GraphQL;

namespace ContentHub.Server.Promotions;

/// <summary>An item of <c>promotions.yaml</c>.</summary>
public sealed class PromotionSeed : ISeed
{
    public string? Key { get; set; }

    public PromotionKind Kind { get; set; }

    public string? StepLabel { get; set; }

    [MultiLine]
    public string? Heading { get; set; }

    [MultiLine]
    public string? Body { get; set; }

    public Image? Image { get; set; }

    public string? ActionUrl { get; set; }

    public PromotionPlacement Placement { get; set; }

    public int SortOrder { get; set; }

    [Ignore] // changed by the publish, unpublish, archive and delete mutations only
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    public string? NaturalKey => Key;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Key, "key", FieldLengths.Key)
            .Concat(FieldRules.RequiredText(Heading, "heading", FieldLengths.Title))
            .Concat(FieldRules.MaxLength(StepLabel, FieldLengths.Label, "stepLabel"))
            .Concat(FieldRules.MaxLength(Body, FieldLengths.LongText, "body"))
            .Concat(FieldRules.Image(Image, "image"))
            .Concat(FieldRules.HttpUrl(ActionUrl, "actionUrl"));
}
