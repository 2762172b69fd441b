using ContentHub.Server.Content;
using ContentHub.Server.Seeding;

namespace ContentHub.Server.Site;

/// <summary>The shape of <c>site.yaml</c>.</summary>
public sealed class SiteSeed : ISeed
{
    public string? Name { get; set; }

    [MultiLine]
    public string? Tagline { get; set; }

    public string? Publisher { get; set; }

    [MultiLine]
    public string? Copyright { get; set; }

    public string? FactsHeading { get; set; }

    public string? ContactEmail { get; set; }

    public List<ContactPhone> ContactPhones { get; set; } = [];

    public List<FooterLink> FooterLinks { get; set; } = [];

    public string? NaturalKey => SeedKinds.Site;

    public IEnumerable<FieldError> Problems() =>
        FieldRules.RequiredText(Name, "name", FieldLengths.Title)
            .Concat(FieldRules.MaxLength(Tagline, FieldLengths.ShortText, "tagline"))
            .Concat(FieldRules.MaxLength(Publisher, FieldLengths.Title, "publisher"))
            .Concat(FieldRules.MaxLength(Copyright, FieldLengths.ShortText, "copyright"))
            .Concat(FieldRules.MaxLength(FactsHeading, FieldLengths.Title, "factsHeading"))
            .Concat(FieldRules.MaxLength(ContactEmail, FieldLengths.Email, "contactEmail"))
            .Concat(FooterLinks.SelectMany((link, i) => FieldRules.HttpUrl(link.Url, $"footerLinks[{i}].url")))
            .Concat(ContactPhones.SelectMany((phone, i) => FieldRules.Required(phone.Number, $"contactPhones[{i}].number")));
}
