using ContentHub.Server.Articles;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data.PostgreSql;

public sealed class PostgreSqlContentHubDbContext(DbContextOptions<PostgreSqlContentHubDbContext> options)
    : ContentHubDbContext(options)
{
    /// <summary>The tags' index method (the compiled model needs it again: <c>PostgreSqlContentHubDbContextModel.Customize</c>).</summary>
    internal const string TagsIndexMethod = "gin";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var article = modelBuilder.Entity<Article>();
        // Sorting by title is ordinal on every provider (SQLite's BINARY), whatever locale the cluster was created with.
        article.Property(a => a.Title).UseCollation("C");
        // Sorted by title, pages continue after (Title, Id): PostgreSQL's index must hold the Id to serve that order
        // without sorting (SQLite's rowid and SQL Server's clustered key are in every index already).
        article.Metadata.RemoveIndex(article.HasIndex(a => new { a.Status, a.Title }).Metadata);
        article.HasIndex(a => new { a.Status, a.Title, a.Id });
        // Tags are a text[] here: related articles and the `tags` filter find them with && through this index.
        article.HasIndex(a => a.Tags).HasMethod(TagsIndexMethod);
    }

    protected override Task TakeTransactionLockAsync(string resource, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({resource}, 0))", cancellationToken);
}
