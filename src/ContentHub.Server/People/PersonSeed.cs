using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using GraphQL;

namespace ContentHub.Server.People;

/// <summary>A person's editable fields: an item of <c>people.yaml</c> or <c>PersonInput</c>.</summary>
public sealed class PersonSeed : ISeed
{
    /// <summary>The author page's URL name (lower-case letters, digits, hyphens); made from the name when left out.</summary>
    public string? Slug { get; set; }

    /// <summary>The name as printed; required, at most 300 characters.</summary>
    public string? Name { get; set; }

    /// <summary>Degrees and titles, e.g. <c>MD, FAAOS</c>; at most 1,000 characters.</summary>
    public string? Credentials { get; set; }

    /// <summary>The field they practise or write about; at most 300 characters.</summary>
    public string? Specialty { get; set; }

    /// <summary>Licence or registration number with the issuing body; at most 100 characters. Shown to editors only.</summary>
    public string? LicenceNumber { get; set; }

    /// <summary>A short biography, plain text; at most 2,000 characters.</summary>
    [MultiLine]
    public string? Profile { get; set; }

    public Image? Photo { get; set; }

    [Ignore] // changed by the publish, unpublish, archive and delete mutations only
    public PublicationStatus Status { get; set; } = PublicationStatus.Published;

    public string? NaturalKey => Slug;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.Identifier(Slug, "slug", FieldLengths.Slug)
            .Concat(FieldRules.RequiredText(Name, "name", FieldLengths.Title))
            .Concat(FieldRules.MaxLength(Credentials, FieldLengths.ShortText, "credentials"))
            .Concat(FieldRules.MaxLength(Specialty, FieldLengths.Title, "specialty"))
            .Concat(FieldRules.MaxLength(LicenceNumber, FieldLengths.Label, "licenceNumber"))
            .Concat(FieldRules.MaxLength(Profile, FieldLengths.LongText, "profile"))
            .Concat(FieldRules.Image(Photo, "photo"));
}
