using ContentHub.Server.Data;
using ContentHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ContentHub.Tests.Data;

/// <summary>
/// On PostgreSQL a read the API repeats is prepared once per connection (Npgsql's automatic preparation), so the
/// server stops parsing and planning it on every request; a connection string that sets the preparation keeps its say.
/// </summary>
public sealed class PreparedStatementsPostgreSqlTests(PostgreSqlContentHubFactory factory) : IClassFixture<PostgreSqlContentHubFactory>
{
    [SkippableFact]
    public async Task Should_keep_a_repeated_read_prepared_on_its_connection()
    {
        factory.SkipUnlessAvailable();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync(); // one connection for the reads and the look at its prepared statements

        var before = await PreparedOnThisConnectionAsync(db);
        for (var slug = 0; slug < 6; slug++)
        {
            await db.Articles.AsNoTracking().Where(a => a.Slug == $"no-such-article-{slug}").Select(a => a.Id).FirstOrDefaultAsync();
        }

        Assert.True(await PreparedOnThisConnectionAsync(db) > before, "the read was not prepared after six runs");
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;maxautoprepare=5", 5)]
    [InlineData("Host=db.example", 100)]
    public void Should_prepare_automatically_unless_the_connection_string_decides(string configured, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.PostgreSqlConnectionString(configured)).MaxAutoPrepare);

    private static async Task<long> PreparedOnThisConnectionAsync(ContentHubDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
