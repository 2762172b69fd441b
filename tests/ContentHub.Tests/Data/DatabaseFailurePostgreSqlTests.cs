using System.Net.Http.Headers;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace ContentHub.Tests.Data;

/// <summary>
/// <see cref="DatabaseFailureTests"/> for PostgreSQL's SQLSTATEs and Npgsql's own failures: the server unreachable,
/// shutting down, out of connections or a statement timed out is a 503 to retry; anything else a 500 INTERNAL.
/// </summary>
public sealed class DatabaseFailurePostgreSqlTests : IClassFixture<DatabaseFailurePostgreSqlTests.FailingPostgreSqlFactory>
{
    private readonly FailingPostgreSqlFactory _factory;

    public DatabaseFailurePostgreSqlTests(FailingPostgreSqlFactory factory)
    {
        factory.SkipUnlessAvailable();
        _factory = factory;
    }

    /// <summary>A PostgreSQL server whose SQL commands a test can make fail through an interceptor.</summary>
    public sealed class FailingPostgreSqlFactory : ContentHubFactory
    {
        public FailingPostgreSqlFactory(IMessageSink diagnostics)
            : base(TestDatabase.PostgreSql, ("GraphQL:ResponseCache:Enabled", "false")) => PostgreSqlTestServer.ReportIfMissing(diagnostics);

        public DatabaseFailureTests.FailingCommands Failures { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Failures));
        }
    }

    [SkippableTheory]
    [InlineData("42P01", 500, "INTERNAL")] // undefined table: a bug
    [InlineData("23514", 500, "INTERNAL")] // check violation: input our rules should have refused
    [InlineData("23503", 200, "CONFLICT")] // foreign key violation: a concurrent write removed or added a row referred to
    [InlineData("08006", 503, "DATABASE_UNAVAILABLE")] // connection failure
    [InlineData("57P01", 503, "DATABASE_UNAVAILABLE")] // admin shutdown
    [InlineData("57P03", 503, "DATABASE_UNAVAILABLE")] // cannot connect now (starting up)
    [InlineData("53300", 503, "DATABASE_UNAVAILABLE")] // too many connections
    [InlineData("53100", 503, "DATABASE_UNAVAILABLE")] // disk full
    [InlineData("57014", 503, "DATABASE_UNAVAILABLE")] // statement timeout
    [InlineData(null, 503, "DATABASE_UNAVAILABLE")] // Npgsql's own failure: no SQLSTATE (a socket error, a timeout)
    public async Task Should_answer_a_database_error_for_what_it_means(string? sqlState, int status, string errorCode)
    {
        var client = _factory.CreateClient(); // started (and seeded) before anything fails
        _factory.Failures.FailSiteReadsWith = sqlState is null
            ? new NpgsqlException("simulated", new TimeoutException())
            : new PostgresException("simulated", "ERROR", "ERROR", sqlState);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent("{ site { name } }") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLClient.ResponseMediaType));
            using var answer = await client.SendAsync(request);
            var response = await GraphQLResponse.ReadAsync(answer);

            Assert.Equal(status, response.Status);
            Assert.Equal(errorCode, response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal(status == 503, answer.Headers.RetryAfter is not null);
            Assert.DoesNotContain("simulated", response.Body, StringComparison.Ordinal);
        }
        finally
        {
            _factory.Failures.FailSiteReadsWith = null;
        }
    }

    private static StringContent JsonContent(string query) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");
}
