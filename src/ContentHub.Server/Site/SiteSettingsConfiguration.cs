using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Site;

public sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> site)
    {
        site.ToTable("Site");
        site.Property(s => s.Id).ValueGeneratedNever();
        site.Property(s => s.Name).HasMaxLength(ContentConfiguration.TitleLength);
        site.Property(s => s.Tagline).HasMaxLength(500);
        site.Property(s => s.Publisher).HasMaxLength(ContentConfiguration.TitleLength);
        site.Property(s => s.Copyright).HasMaxLength(500);
        site.Property(s => s.FactsHeading).HasMaxLength(200);
        site.Property(s => s.ContactEmail).HasMaxLength(320);
        site.ComplexCollection(s => s.ContactPhones, phones => phones.ToJson());
        site.ComplexCollection(s => s.FooterLinks, links => links.ToJson());
    }
}
