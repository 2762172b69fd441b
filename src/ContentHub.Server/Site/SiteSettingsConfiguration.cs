using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Site;

public sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> site)
    {
        site.ToTable("Site");
        site.Property(s => s.Id).ValueGeneratedNever();
        site.Property(s => s.Name).HasMaxLength(FieldLengths.Title);
        site.Property(s => s.Tagline).HasMaxLength(FieldLengths.ShortText);
        site.Property(s => s.Publisher).HasMaxLength(FieldLengths.Title);
        site.Property(s => s.Copyright).HasMaxLength(FieldLengths.ShortText);
        site.Property(s => s.FactsHeading).HasMaxLength(FieldLengths.Title);
        site.Property(s => s.ContactEmail).HasMaxLength(FieldLengths.Email);
        site.ComplexCollection(s => s.ContactPhones, phones => phones.ToJson());
        site.ComplexCollection(s => s.FooterLinks, links => links.ToJson());
    }
}
