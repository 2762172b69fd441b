using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using GraphQL;

namespace ContentHub.Server.Facts;

/// <summary>An item of <c>facts.yaml</c>.</summary>
public sealed class FactSeed : ISeed
{
    public string? Key { get; set; }

    [MultiLine]
    public string? Text { get; set; }

    public Statistic? Statistic { get; set; }

    public string? Source { get; set; }

    public int Weight { get; set; } = 1;

    public DateTime? ActiveFrom { get; set; }

    public DateTime? ActiveUntil { get; set; }

    public List<string> Tags { get; set; } = [];

    [Ignore] // changed by the publish, unpublish, archive and delete mutations only
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    public string? NaturalKey => Key;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Key, "key", FieldLengths.Key)
            .Concat(FieldRules.RequiredText(Text, "text", FieldLengths.ShortText))
            .Concat(FieldRules.MaxLength(Source, FieldLengths.ShortText, "source"))
            .Concat(FieldRules.MaxLength(Statistic?.Unit, FieldLengths.Label, "statistic.unit"))
            .Concat(FieldRules.Check(Weight >= 0, "weight", "weight must be 0 or more"))
            .Concat(FieldRules.Check(!(ActiveFrom >= ActiveUntil), "activeUntil", "activeUntil must be later than activeFrom"))
            .Concat(Statistic is { Unit: null or "" } ? FieldRules.Required(null, "statistic.unit") : []);
}
