using ContentHub.Server.Content;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Articles;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>The join entity linking articles to the disclaimers attached to them.</summary>
    public const string DisclaimerLinks = "ArticleDisclaimers";

    public void Configure(EntityTypeBuilder<Article> article)
    {
        // Paging sorts published articles by PublishedAt: the database refuses a published article without one.
        article.ToTable(table => table.HasCheckConstraint(
            "CK_Articles_PublishedHasDate", $"\"Status\" <> {(int)PublicationStatus.Published} OR \"PublishedAt\" IS NOT NULL"));
        article.Property(a => a.Slug).HasMaxLength(FieldLengths.Slug);
        article.HasIndex(a => a.Slug).IsUnique();
        article.Property(a => a.Title).HasMaxLength(FieldLengths.Title);
        article.Property(a => a.Summary).HasMaxLength(FieldLengths.ShortText);
        article.ComplexProperty(a => a.Body, body => ContentConfiguration.ConfigureRichText(body, "Body"));
        article.ComplexProperty(a => a.HeroImage, image => ContentConfiguration.ConfigureImage(image, "HeroImage"));
        article.ComplexProperty(a => a.Seo, seo =>
        {
            seo.Property(s => s.Title).HasColumnName("SeoTitle").HasMaxLength(FieldLengths.Title);
            seo.Property(s => s.Description).HasColumnName("SeoDescription").HasMaxLength(FieldLengths.ShortText);
            seo.Property(s => s.CanonicalUrl).HasColumnName("SeoCanonicalUrl").HasMaxLength(FieldLengths.Url);
            seo.Property(s => s.Robots).HasColumnName("SeoRobots").HasMaxLength(FieldLengths.Label);
            seo.ComplexProperty(s => s.Image, image => ContentConfiguration.ConfigureImage(image, "SeoImage"));
        });
        article.ComplexProperty(a => a.CallToAction, cta =>
        {
            cta.Property(c => c.Text).HasColumnName("CallToActionText").HasMaxLength(FieldLengths.ShortText);
            cta.Property(c => c.PhoneNumber).HasColumnName("CallToActionPhoneNumber").HasMaxLength(FieldLengths.Label);
            cta.Property(c => c.Url).HasColumnName("CallToActionUrl").HasMaxLength(FieldLengths.Url);
        });
        article.ComplexProperty(a => a.Reviewer, reviewer =>
        {
            reviewer.Property(r => r.Name).HasColumnName("ReviewerName").HasMaxLength(FieldLengths.Title);
            reviewer.Property(r => r.Credentials).HasColumnName("ReviewerCredentials").HasMaxLength(FieldLengths.ShortText);
        });
        article.Property(a => a.ReviewNote).HasMaxLength(FieldLengths.LongText);
        article.Property(a => a.ContentHash).HasMaxLength(64);
        article.Property(a => a.ApprovedContentHash).HasMaxLength(64);
        // Both are created when first read (Article): EF Core reads them through the getter, never as a null field.
        article.Property(a => a.Tags).UsePropertyAccessMode(PropertyAccessMode.PreferProperty);
        article.Property(a => a.Citations).HasConversion(JsonColumn.Converter<List<Citation>, List<Citation>>(), JsonColumn.Comparer<List<Citation>, List<Citation>>())
            .UsePropertyAccessMode(PropertyAccessMode.PreferProperty);
        article.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.SetNull);
        article.HasMany(a => a.Disclaimers).WithMany().UsingEntity(DisclaimerLinks);

        // Every list filters on Status (an integer: SQLite would not use an index for a bare boolean) and pages by
        // a keyset on (sort key, Id). Newest and oldest first: (Status, PublishedAt, Id), read in either direction.
        article.HasIndex(a => new { a.Status, a.PublishedAt, a.Id });
        // A category and its sub-categories: one index range per category id.
        article.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAt });
        // Sorted by title (Id follows implicitly: SQLite's rowid, SQL Server's clustered key).
        article.HasIndex(a => new { a.Status, a.Title });
        // Editors' "due for review" list, and the scheduler's look for expired articles.
        article.HasIndex(a => a.NextReviewDue);
        // The review queue's articles in review.
        article.HasIndex(a => a.ReviewStatus);
        article.HasIndex(a => new { a.Status, a.ExpiresAt });
    }
}
