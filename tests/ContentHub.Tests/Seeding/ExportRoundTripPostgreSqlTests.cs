using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ContentHub.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ContentHub.Tests.Seeding;

/// <summary>
/// The move the operations guide describes: content on SQLite (the seed page plus synthetic articles) exported, seeded
/// into an empty PostgreSQL database and exported again gives the same bytes, and a server on each database answers a
/// battery of reader queries identically.
/// </summary>
public sealed class ExportRoundTripPostgreSqlTests(EmptyContentHubFactory sqlite, PostgreSqlEmptyContentHubFactory postgreSql)
    : IClassFixture<EmptyContentHubFactory>, IClassFixture<PostgreSqlEmptyContentHubFactory>, IDisposable
{
    /// <summary>
    /// Synthetic articles: the 10,000 take about 10 minutes to import on SQLite here (every item goes through the
    /// editing pipeline, docs/operations.md); this many keep the test to a few minutes on CI's two cores.
    /// </summary>
    private const int SyntheticArticles = 300;

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"contenthub-move-{Guid.NewGuid():N}")).FullName;

    /// <summary>
    /// Reader queries over every type and the list features. They leave out what the seed format does not carry and the
    /// import sets anew (ids, versions, createdAt, updatedAt, other types' publishedAt, the sitemap's lastModified and
    /// structuredData's dateModified) and rendition URLs (signed per server). Search is compared below: the same matches, but each provider ranks them its own way
    /// (SQLite FTS5's bm25, PostgreSQL's ts_rank); and the sitemap, which lists categories by id, and ids are not carried.
    /// </summary>
    private static readonly (string Name, string Query)[] s_battery =
    [
        ("page", """
            { site { name tagline publisher copyright factsHeading contactEmail contactPhones { label number } footerLinks { label url } }
              article(slug: "revision-surgery") { slug title summary body { markdown html text excerpt readingTimeMinutes outline { text } }
                heroImage { url alt } tags seo { title description canonicalUrl robots image { url alt } } readingTimeMinutes
                callToAction { text phoneNumber url } reviewer { name credentials } reviewedAt citations { title url }
                expiresAt status publishedAt expired category { slug name parent { slug name } }
                disclaimers { key title placement siteWide body { html } } authors { slug name credentials specialty }
                related { slug title publishedAt } }
              promotions { key kind stepLabel heading body image { url alt } actionUrl placement sortOrder }
              disclaimers { key title body { html } placement sortOrder siteWide }
              facts { key text statistic { value unit } source weight activeFrom activeUntil tags } }
            """),
        ("newest", "{ articles(first: 40) { totalCount edges { cursor node { slug title summary tags publishedAt category { slug } } } pageInfo { hasNextPage endCursor } } }"),
        ("oldest", "{ articles(first: 40, sort: OLDEST) { totalCount edges { node { slug publishedAt heroImage { url alt } } } } }"),
        ("byTitle", "{ articles(first: 50, sort: TITLE) { totalCount edges { node { slug title } } } }"),
        ("inCategory", """{ articles(first: 30, filter: { category: "wellness" }, sort: TITLE) { totalCount edges { node { slug title category { slug } } } } }"""),
        ("byTagAndDate", """{ articles(first: 30, filter: { tag: "stretching", publishedAfter: "2020-01-01T00:00:00Z" }, sort: OLDEST) { totalCount edges { node { slug tags publishedAt } } } }"""),
        ("byAuthor", """{ articles(first: 10, filter: { author: "back-to-life-editorial-team" }) { totalCount edges { node { slug authors { slug } } } } }"""),
        ("categories", "{ categories { slug name description sortOrder requiredDisclaimers requiresMedicalReview reviewIntervalDays status parent { slug } children { slug } articles(first: 5) { slug } } }"),
        ("category", """{ category(slug: "spine-surgery") { slug name parent { slug } children { slug name articles(first: 10) { slug title } } articles(first: 10) { slug title } } }"""),
        ("people", """{ people(first: 10) { totalCount edges { node { slug name credentials specialty profile photo { url alt } articles(first: 5) { slug } } } } person(slug: "dr-sam-lee") { slug name credentials } }"""),
        ("randomFact", "{ randomFact { key text } promotions(placement: ARTICLE_END) { key } disclaimers(placement: FOOTNOTE) { key } }"),
    ];

    [SkippableFact]
    public async Task Should_move_content_from_sqlite_to_postgresql_with_the_same_export_and_the_same_answers()
    {
        postgreSql.SkipUnlessAvailable();
        var onSqlite = Settings("sqlite");
        var onPostgreSql = Settings("postgresql");

        Succeeded(await ServerProcess.RunAsync(["seed", "--synthetic", $"{SyntheticArticles}"], sqlite, onSqlite));
        Succeeded(await ServerProcess.RunAsync(["export", In("from-sqlite")], sqlite, onSqlite));
        Succeeded(await ServerProcess.RunAsync(["seed", "--path", In("from-sqlite")], postgreSql, onPostgreSql));
        Succeeded(await ServerProcess.RunAsync(["export", In("from-postgresql")], postgreSql, onPostgreSql));

        ExportFolders.AssertIdentical(In("from-sqlite"), In("from-postgresql"));
        Assert.Equal(SyntheticArticles + 1, Directory.GetFiles(Path.Combine(In("from-sqlite"), "articles")).Length);

        using var first = await ServerAsync(sqlite, onSqlite);
        using var second = await ServerAsync(postgreSql, onPostgreSql);
        foreach (var (name, query) in s_battery)
        {
            var (a, b) = (await AnswerAsync(first.Client, name, query), await AnswerAsync(second.Client, name, query));
            Assert.True(a == b, $"'{name}' differs:\nSQLite:     {a}\nPostgreSQL: {b}");
        }

        var search = """{ searchArticles(query: "sciatica", first: 100) { totalCount edges { node { slug title } } } }""";
        Assert.Equal(Sorted(await AnswerAsync(first.Client, "search", search), "searchArticles"), Sorted(await AnswerAsync(second.Client, "search", search), "searchArticles"));
        var sitemap = "{ sitemap(first: 100) { totalCount edges { node { kind path url } } } }";
        Assert.Equal(Sorted(await AnswerAsync(first.Client, "sitemap", sitemap), "sitemap"), Sorted(await AnswerAsync(second.Client, "sitemap", sitemap), "sitemap"));

        // The next page, each server from its own cursor.
        var page = "query($after: String) { articles(first: 40, after: $after) { edges { cursor node { slug publishedAt } } } }";
        var (nextA, nextB) = (await NextPageAsync(first.Client, page), await NextPageAsync(second.Client, page));
        Assert.True(nextA == nextB, $"The second page differs:\nSQLite:     {nextA}\nPostgreSQL: {nextB}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string In(string name) => Path.Combine(_root, name);

    private Dictionary<string, string> Settings(string database) => new()
    {
        ["Media__Path"] = In($"{database}-media"),
        ["Seeding__OnStartup"] = "false",
        ["Scheduling__Enabled"] = "false",
        ["Webhooks__Enabled"] = "false",
    };

    private static void Succeeded(ServerProcess.Result result) => Assert.True(result.ExitCode == 0, result.StandardError);

    private static async Task<string> AnswerAsync(HttpClient client, string name, string query, object? variables = null)
    {
        var response = await client.PostQueryAsync(query, variables);
        Assert.True(response.Status == 200 && response.Errors is null && response.Data is not null, $"'{name}': {response.Body}");
        return response.Body;
    }

    /// <summary>A connection's total and its nodes, in the ordinal order of their JSON.</summary>
    private static (int Total, string Nodes) Sorted(string answer, string field)
    {
        var found = JsonNode.Parse(answer)!["data"]![field]!;
        return (found["totalCount"]!.GetValue<int>(),
            string.Join(" ", found["edges"]!.AsArray().Select(edge => edge!["node"]!.ToJsonString()).Order(StringComparer.Ordinal)));
    }

    private static async Task<string> NextPageAsync(HttpClient client, string query)
    {
        var first = JsonNode.Parse(await AnswerAsync(client, "page 1", query))!;
        var cursor = first["data"]!["articles"]!["edges"]!.AsArray()[^1]!["cursor"]!.GetValue<string>();
        return await AnswerAsync(client, "page 2", query, new { after = cursor });
    }

    /// <summary>A server process on the database, on a free loopback port, ready to answer.</summary>
    private static async Task<RunningServer> ServerAsync(ContentHubFactory database, Dictionary<string, string> settings)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var server = new RunningServer(ServerProcess.Start(["--urls", $"http://127.0.0.1:{port}"], database, settings), new Uri($"http://127.0.0.1:{port}"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await server.IsReadyAsync())
        {
            Assert.False(server.Process.HasExited, "The server stopped before it was ready.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }

        return server;
    }

    private sealed class RunningServer : IDisposable
    {
        private readonly Task _output;

        public RunningServer(Process process, Uri address)
        {
            Process = process;
            Client = new HttpClient { BaseAddress = address };
            _output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        }

        public Process Process { get; }

        public HttpClient Client { get; }

        public async Task<bool> IsReadyAsync()
        {
            try
            {
                return (await Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            _output.Wait();
            Process.Dispose();
        }
    }
}
