using ContentHub.Server.Editing;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentHub.Tests.Editing;

/// <summary>The audit log keeps entries for <c>AuditLog:RetentionDays</c>, on the server's clock.</summary>
public sealed class AuditLogRetentionTests(AuditLogRetentionTests.Factory factory) : IClassFixture<AuditLogRetentionTests.Factory>
{
    /// <summary>A fake-clock server keeping audit entries for 30 days.</summary>
    public sealed class Factory() : FakeClockContentHubFactory(("AuditLog:RetentionDays", "30"));

    [Fact]
    public async Task Should_delete_entries_past_the_retention_and_keep_the_rest()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await using (var db = factory.CreateDbContext())
        {
            db.AuditLog.AddRange(
                AuditLog.Entry("Old Editor", "updateArticle", "Article", 1, AuditLog.Succeeded, now.AddDays(-31)),
                AuditLog.Entry("Recent Editor", "updateArticle", "Article", 1, AuditLog.Succeeded, now.AddDays(-29)));
            await db.SaveChangesAsync();
        }

        var deleted = await factory.Services.GetRequiredService<AuditLogTrimmer>().TrimAsync(CancellationToken.None);

        await using var check = factory.CreateDbContext();
        var actors = await check.AuditLog.Where(e => e.Actor.EndsWith(" Editor")).Select(e => e.Actor).ToListAsync();
        Assert.Equal(1, deleted);
        Assert.Equal(["Recent Editor"], actors);
    }

    [Theory]
    [InlineData("AuditLog:RetentionDays", "-1")]
    [InlineData("AuditLog:TrimIntervalMinutes", "0")]
    public void Should_refuse_to_start_with_a_retention_setting_out_of_range(string setting, string value)
    {
        using var broken = factory.WithWebHostBuilder(builder => builder.UseSetting(setting, value));

        var failure = Assert.ThrowsAny<Exception>(() => broken.Services);

        Assert.Contains(setting.Split(':')[1], (failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException)?.Message ?? failure.ToString(), StringComparison.Ordinal);
    }
}
