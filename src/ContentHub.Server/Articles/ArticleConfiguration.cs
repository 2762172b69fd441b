using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Articles;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Slug).HasMaxLength(ContentConfiguration.SlugLength);
        article.HasIndex(a => a.Slug).IsUnique();
        article.Property(a => a.Title).HasMaxLength(ContentConfiguration.TitleLength);
        article.Property(a => a.Summary).HasMaxLength(1000);
        article.ComplexProperty(a => a.Body, body => ContentConfiguration.ConfigureRichText(body, "Body"));
        article.ComplexProperty(a => a.HeroImage, image => ContentConfiguration.ConfigureImage(image, "HeroImage"));
        article.ComplexProperty(a => a.Seo, seo =>
        {
            seo.Property(s => s.Title).HasColumnName("SeoTitle").HasMaxLength(ContentConfiguration.TitleLength);
            seo.Property(s => s.Description).HasColumnName("SeoDescription").HasMaxLength(1000);
        });
        article.ComplexProperty(a => a.CallToAction, cta =>
        {
            cta.Property(c => c.Text).HasColumnName("CallToActionText").HasMaxLength(1000);
            cta.Property(c => c.PhoneNumber).HasColumnName("CallToActionPhoneNumber").HasMaxLength(50);
            cta.Property(c => c.Url).HasColumnName("CallToActionUrl").HasMaxLength(2048);
        });
        article.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.SetNull);
        article.HasMany(a => a.Disclaimers).WithMany().UsingEntity("ArticleDisclaimers");

        // The newest-first listing readers page through: status filter, then keyset on (PublishedAt, Id).
        article.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        article.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAt });
    }
}
