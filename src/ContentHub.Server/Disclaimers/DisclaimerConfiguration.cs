using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Disclaimers;

public sealed class DisclaimerConfiguration : IEntityTypeConfiguration<Disclaimer>
{
    public void Configure(EntityTypeBuilder<Disclaimer> disclaimer)
    {
        disclaimer.Property(d => d.Key).HasMaxLength(FieldLengths.Key);
        disclaimer.HasIndex(d => d.Key).IsUnique();
        disclaimer.Property(d => d.Title).HasMaxLength(FieldLengths.Title);
        disclaimer.ComplexProperty(d => d.Body, body => ContentConfiguration.ConfigureRichText(body, "Body"));
        disclaimer.HasIndex(d => new { d.SiteWide, d.Placement, d.SortOrder });
    }
}
