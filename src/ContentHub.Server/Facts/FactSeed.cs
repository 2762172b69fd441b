using ContentHub.Server.Content;
using ContentHub.Server.Seeding;

namespace ContentHub.Server.Facts;

/// <summary>An item of <c>facts.yaml</c>.</summary>
public sealed class FactSeed : ISeed
{
    public string? Key { get; set; }

    public string? Text { get; set; }

    public Statistic? Statistic { get; set; }

    public string? Source { get; set; }

    public int Weight { get; set; } = 1;

    public DateTime? ActiveFrom { get; set; }

    public DateTime? ActiveUntil { get; set; }

    public List<string> Tags { get; set; } = [];

    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    public string? NaturalKey => Key;

    public IEnumerable<string> Problems() =>
        SeedRules.Identifier(Key, "key", FieldLengths.Key)
            .Concat(SeedRules.RequiredText(Text, "text", FieldLengths.ShortText))
            .Concat(SeedRules.MaxLength(Source, FieldLengths.ShortText, "source"))
            .Concat(SeedRules.MaxLength(Statistic?.Unit, FieldLengths.Label, "statistic.unit"))
            .Concat(Weight < 0 ? ["weight must be 0 or more"] : [])
            .Concat(ActiveFrom >= ActiveUntil ? ["activeUntil must be later than activeFrom"] : [])
            .Concat(Statistic is { Unit: null or "" } ? ["statistic.unit is required"] : []);
}
