using ContentHub.Server.Seeding;

namespace ContentHub.Server.Site;

/// <summary>The shape of <c>site.yaml</c>.</summary>
public sealed class SiteSeed : ISeed
{
    public string? Name { get; set; }

    public string? Tagline { get; set; }

    public string? Publisher { get; set; }

    public string? Copyright { get; set; }

    public string? FactsHeading { get; set; }

    public string? ContactEmail { get; set; }

    public List<ContactPhone> ContactPhones { get; set; } = [];

    public List<FooterLink> FooterLinks { get; set; } = [];

    public string? NaturalKey => SeedKinds.Site;

    public IEnumerable<string> Problems() =>
        SeedRules.Required(Name, "name")
            .Concat(FooterLinks.SelectMany((link, i) => SeedRules.HttpUrl(link.Url, $"footerLinks[{i}].url")))
            .Concat(ContactPhones.SelectMany((phone, i) => SeedRules.Required(phone.Number, $"contactPhones[{i}].number")));
}
