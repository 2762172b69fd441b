using ContentHub.Server.Articles;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data.PostgreSql;

public sealed class PostgreSqlContentHubDbContext(DbContextOptions<PostgreSqlContentHubDbContext> options)
    : ContentHubDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var article = modelBuilder.Entity<Article>();
        // Sorting by title is ordinal on every provider (SQLite's BINARY), whatever locale the cluster was created with.
        article.Property(a => a.Title).UseCollation("C");
        // Tags are a text[] here: related articles and the tag filters look them up with the array operators.
        article.HasIndex(a => a.Tags).HasMethod("gin");
    }
}
