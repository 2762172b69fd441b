using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using GraphQL;

namespace ContentHub.Server.Disclaimers;

/// <summary>An item of <c>disclaimers.yaml</c>.</summary>
public sealed class DisclaimerSeed : ISeed
{
    public string? Key { get; set; }

    public string? Title { get; set; }

    /// <summary>Markdown.</summary>
    [MultiLine]
    public string? Body { get; set; }

    public DisclaimerPlacement Placement { get; set; }

    public int SortOrder { get; set; }

    public bool SiteWide { get; set; }

    [Ignore] // changed by the publish, unpublish, archive and delete mutations only
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    public string? NaturalKey => Key;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Key, "key", FieldLengths.Key)
            .Concat(FieldRules.RequiredText(Title, "title", FieldLengths.Title))
            .Concat(FieldRules.Required(Body, "body"));
}
