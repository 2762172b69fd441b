using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Promotions;

public sealed class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> promotion)
    {
        promotion.Property(p => p.Key).HasMaxLength(ContentConfiguration.KeyLength);
        promotion.HasIndex(p => p.Key).IsUnique();
        promotion.Property(p => p.StepLabel).HasMaxLength(100);
        promotion.Property(p => p.Heading).HasMaxLength(ContentConfiguration.TitleLength);
        promotion.Property(p => p.Body).HasMaxLength(2000);
        promotion.Property(p => p.ActionUrl).HasMaxLength(2048);
        promotion.ComplexProperty(p => p.Image, image => ContentConfiguration.ConfigureImage(image, "Image"));
        promotion.HasIndex(p => new { p.Placement, p.SortOrder });
    }
}
