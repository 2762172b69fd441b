using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContentHub.Server.Articles;

public sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> author)
    {
        author.HasKey(a => new { a.ArticleId, a.PersonId });
        author.HasOne<Article>().WithMany(a => a.Authors).HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // A person who is still someone's author cannot be purged (PersonEditing says whose); the database agrees.
        author.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        // Person.articles and the articles(filter: { author }) list: a person's articles.
        author.HasIndex(a => new { a.PersonId, a.ArticleId });
    }
}
