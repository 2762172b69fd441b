using System.Net;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Data;

/// <summary>When the database stops answering, readiness fails and requests get a 503; both recover by themselves.</summary>
public sealed class DatabaseOutageTests : IDisposable
{
    // Without pooled connections every request opens the file anew, so replacing it is an outage.
    private readonly CustomContentHubFactory _factory = new(("ConnectionStrings:ContentHub", "Data Source={database};Pooling=False"));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Should_answer_503_while_the_database_is_unavailable_and_recover_after()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var backup = _factory.DatabasePath + ".backup";
        File.Copy(_factory.DatabasePath, backup);

        await File.WriteAllTextAsync(_factory.DatabasePath, "this is not a database, as a crashed disk might leave it");
        var ready = await client.GetAsync("/health/ready");
        var query = await client.PostQueryAsync("{ site { name } }");

        File.Copy(backup, _factory.DatabasePath, overwrite: true);
        File.Delete(backup);
        var recovered = await client.PostQueryAsync("{ site { name } }");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(503, query.Status);
        Assert.Equal("DATABASE_UNAVAILABLE", query.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", query.Body, StringComparison.Ordinal);
        Assert.Equal("Back to Life Blog", recovered.AssertData()["site"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
