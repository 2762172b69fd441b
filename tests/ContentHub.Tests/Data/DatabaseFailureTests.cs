using System.Data.Common;
using System.Net.Http.Headers;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Data;

/// <summary>
/// A database exception is answered for what it means: the database unavailable is a 503 to retry; a unique index
/// refusing a write is the editor's DUPLICATE; anything else is a bug, a 500 INTERNAL with the request id.
/// </summary>
public sealed class DatabaseFailureTests(DatabaseFailureTests.FailingDatabaseFactory factory) : IClassFixture<DatabaseFailureTests.FailingDatabaseFactory>
{
    /// <summary>A server whose SQL commands a test can make fail, or whose slug check it can blind, through an interceptor.</summary>
    public sealed class FailingDatabaseFactory() : ContentHubFactory(("GraphQL:ResponseCache:Enabled", "false"))
    {
        public FailingCommands Failures { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Failures));
        }
    }

    [Theory]
    [InlineData(1, 0, 500, "INTERNAL")] // SQLITE_ERROR: e.g. no such table, a broken query
    [InlineData(19, 275, 500, "INTERNAL")] // SQLITE_CONSTRAINT_CHECK: input our rules should have refused
    [InlineData(5, 0, 503, "DATABASE_UNAVAILABLE")] // SQLITE_BUSY: locked past the busy timeout
    [InlineData(13, 0, 503, "DATABASE_UNAVAILABLE")] // SQLITE_FULL
    [InlineData(8, 0, 503, "DATABASE_UNAVAILABLE")] // SQLITE_READONLY
    [InlineData(10, 0, 503, "DATABASE_UNAVAILABLE")] // SQLITE_IOERR
    public async Task Should_answer_a_database_error_for_what_it_means(int code, int extendedCode, int status, string errorCode)
    {
        var client = factory.CreateClient(); // started (and seeded) before anything fails
        factory.Failures.FailSiteReadsWith = new SqliteException($"SQLite Error {code}: simulated.", code, extendedCode == 0 ? code : extendedCode);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent("{ site { name } }") };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLClient.ResponseMediaType));
            using var answer = await client.SendAsync(request);
            var response = await GraphQLResponse.ReadAsync(answer);

            Assert.Equal(status, response.Status);
            var error = response.Errors![0]!;
            Assert.Equal(errorCode, error["extensions"]!["code"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(error["extensions"]!["requestId"]?.GetValue<string>()));
            Assert.Equal(status == 503, answer.Headers.RetryAfter is not null);
            Assert.DoesNotContain("simulated", response.Body, StringComparison.Ordinal);
        }
        finally
        {
            factory.Failures.FailSiteReadsWith = null;
        }
    }

    [Fact]
    public async Task Should_answer_a_slug_taken_between_check_and_insert_as_DUPLICATE()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        await ArticleMutations.CreateAsync(editor, new { title = "First", slug = "raced-slug", body = "Text." });

        // The second writer's check runs before the first commits: it sees the slug free, and the unique index refuses it.
        factory.Failures.SlugLooksFree = true;
        GraphQLResponse response;
        try
        {
            response = await editor.PostQueryAsync(
                "mutation($input: ArticleInput!) { createArticle(input: $input) { article { id } errors { field code } } }",
                new { input = new { title = "Second", slug = "raced-slug", body = "Text." } });
        }
        finally
        {
            factory.Failures.SlugLooksFree = false;
        }

        var payload = response.AssertData()["createArticle"]!;
        Assert.Null(payload["article"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("slug", error["field"]!.GetValue<string>());
        Assert.Equal("DUPLICATE", error["code"]!.GetValue<string>());
    }

    private static StringContent JsonContent(string query) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { query }), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Throws <see cref="FailSiteReadsWith"/> for reads of the site settings; answers "free" to slug checks while <see cref="SlugLooksFree"/>.</summary>
    public sealed class FailingCommands : DbCommandInterceptor
    {
        public Exception? FailSiteReadsWith { get; set; }

        public bool SlugLooksFree { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (FailSiteReadsWith is { } failure && command.CommandText.Contains("FROM \"Site\"", StringComparison.Ordinal))
            {
                throw failure;
            }

            if (SlugLooksFree && command.CommandText.StartsWith("SELECT EXISTS", StringComparison.Ordinal)
                && command.CommandText.Contains("\"Slug\" =", StringComparison.Ordinal))
            {
                command.CommandText = "SELECT 0";
                command.Parameters.Clear();
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
