using ContentHub.Server.Content;
using ContentHub.Server.Seeding;

namespace ContentHub.Server.Promotions;

/// <summary>An item of <c>promotions.yaml</c>.</summary>
public sealed class PromotionSeed : ISeed
{
    public string? Key { get; set; }

    public PromotionKind Kind { get; set; }

    public string? StepLabel { get; set; }

    public string? Heading { get; set; }

    public string? Body { get; set; }

    public Image? Image { get; set; }

    public string? ActionUrl { get; set; }

    public PromotionPlacement Placement { get; set; }

    public int SortOrder { get; set; }

    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    public string? NaturalKey => Key;

    public IEnumerable<string> Problems() =>
        SeedRules.Identifier(Key, "key", FieldLengths.Key)
            .Concat(SeedRules.RequiredText(Heading, "heading", FieldLengths.Title))
            .Concat(SeedRules.MaxLength(StepLabel, FieldLengths.Label, "stepLabel"))
            .Concat(SeedRules.MaxLength(Body, FieldLengths.LongText, "body"))
            .Concat(SeedRules.Image(Image, "image"))
            .Concat(SeedRules.HttpUrl(ActionUrl, "actionUrl"));
}
