using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Disclaimers;

public sealed class DisclaimerConfiguration : IEntityTypeConfiguration<Disclaimer>
{
    public void Configure(EntityTypeBuilder<Disclaimer> disclaimer)
    {
        disclaimer.Property(d => d.Key).HasMaxLength(ContentConfiguration.KeyLength);
        disclaimer.HasIndex(d => d.Key).IsUnique();
        disclaimer.Property(d => d.Title).HasMaxLength(ContentConfiguration.TitleLength);
        disclaimer.ComplexProperty(d => d.Body, body => ContentConfiguration.ConfigureRichText(body, "Body"));
        disclaimer.HasIndex(d => new { d.SiteWide, d.Placement, d.SortOrder });
    }
}
