using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Categories;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    /// <summary>The join entity linking categories to the disclaimers attached to them.</summary>
    public const string DisclaimerLinks = "CategoryDisclaimers";

    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Slug).HasMaxLength(FieldLengths.Slug);
        category.HasIndex(c => c.Slug).IsUnique();
        category.Property(c => c.Name).HasMaxLength(FieldLengths.Title);
        category.Property(c => c.Description).HasMaxLength(FieldLengths.LongText);
        category.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        category.HasIndex(c => new { c.ParentId, c.SortOrder });
        category.HasMany(c => c.Disclaimers).WithMany().UsingEntity(DisclaimerLinks);
    }
}
