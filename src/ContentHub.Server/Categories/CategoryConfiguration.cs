using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Categories;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Slug).HasMaxLength(ContentConfiguration.SlugLength);
        category.HasIndex(c => c.Slug).IsUnique();
        category.Property(c => c.Name).HasMaxLength(ContentConfiguration.TitleLength);
        category.Property(c => c.Description).HasMaxLength(2000);
        category.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        category.HasIndex(c => new { c.ParentId, c.SortOrder });
        category.HasMany(c => c.Disclaimers).WithMany().UsingEntity("CategoryDisclaimers");
    }
}
