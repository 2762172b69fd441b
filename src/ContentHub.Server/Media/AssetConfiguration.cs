using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Media;

public sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> asset)
    {
        asset.Property(a => a.Sha256).HasMaxLength(64);
        // Identical bytes are one asset: a second upload of them finds the first.
        asset.HasIndex(a => a.Sha256).IsUnique();
        asset.Property(a => a.FileName).HasMaxLength(FieldLengths.Title);
        asset.Property(a => a.Format).HasConversion<string>().HasMaxLength(8);
        asset.Property(a => a.DominantColor).HasMaxLength(7);
        asset.Property(a => a.Placeholder).HasMaxLength(BlurHash.MaxLength);
        asset.Property(a => a.Alt).HasMaxLength(FieldLengths.AltText);
        asset.Property(a => a.Credit).HasMaxLength(FieldLengths.Title);
        asset.Property(a => a.License).HasMaxLength(FieldLengths.Title);
        asset.HasIndex(a => new { a.DeletedAt, a.CreatedAt });
    }
}
