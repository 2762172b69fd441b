using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Editing;
using ContentHub.Server.Facts;
using ContentHub.Server.Media;
using ContentHub.Server.People;
using ContentHub.Server.Promotions;
using ContentHub.Server.Site;
using ContentHub.Server.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Server.Data;

/// <summary>
/// The model, shared by every provider. Application code depends on this type only; the provider's subclass
/// (chosen by <c>Database:Provider</c>) carries its own migrations. It also holds the Data Protection key ring, so
/// every node serving the database reads the preview tokens any of them sealed.
/// </summary>
public abstract class ContentHubDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Disclaimer> Disclaimers => Set<Disclaimer>();

    public DbSet<Fact> Facts => Set<Fact>();

    public DbSet<Promotion> Promotions => Set<Promotion>();

    public DbSet<SiteSettings> Site => Set<SiteSettings>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IssuedPreviewToken> PreviewTokens => Set<IssuedPreviewToken>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<RetiredSlug> RetiredSlugs => Set<RetiredSlug>();
    public DbSet<SchedulerLease> SchedulerLeases => Set<SchedulerLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>
    /// Changes with every save of this context that writes categories or disclaimers (their links included): what
    /// <see cref="DisclaimerRules"/> are read from, so a transaction may reuse the rules it read until it changes them.
    /// </summary>
    public int DisclaimerRulesStamp { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampDisclaimerRuleChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampDisclaimerRuleChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Holds the lock named <paramref name="resource"/> until the current transaction ends (nothing outside one). A rule
    /// that spans several tables is checked under it: under Read Committed two writers could otherwise each pass a
    /// check that the other's write breaks. SQLite needs none: its transactions begin with the write lock.
    /// </summary>
    public Task LockUntilCommitAsync(string resource, CancellationToken cancellationToken) =>
        Database.CurrentTransaction is null ? Task.CompletedTask : TakeTransactionLockAsync(resource, cancellationToken);

    /// <summary>The provider's transaction-scoped application lock (see <see cref="LockUntilCommitAsync"/>).</summary>
    protected virtual Task TakeTransactionLockAsync(string resource, CancellationToken cancellationToken) => Task.CompletedTask;

    private void StampDisclaimerRuleChanges()
    {
        if (ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && (e.Entity is Category or Disclaimer || e.Metadata.Name == CategoryConfiguration.DisclaimerLinks)))
        {
            DisclaimerRulesStamp++;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContentHubDbContext).Assembly);
        foreach (var content in modelBuilder.Model.GetEntityTypes().Where(type => type.ClrType.IsAssignableTo(typeof(ContentItem))))
        {
            // SQLite has no rowversion: our own version number guards every update against lost writes.
            content.FindProperty(nameof(ContentItem.Version))!.IsConcurrencyToken = true;
            // The scheduler's pass looks up due items by status and time; only the few scheduled items are in these
            // indexes. With the status first, SQLite's planner takes them over any other index on the status.
            foreach (var scheduledAt in (string[])[nameof(ContentItem.PublishScheduledAt), nameof(ContentItem.UnpublishScheduledAt)])
            {
                modelBuilder.Entity(content.ClrType).HasIndex(nameof(ContentItem.Status), scheduledAt).HasFilter($"\"{scheduledAt}\" IS NOT NULL");
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Providers hand DateTime back with Kind=Unspecified; every timestamp we store is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
