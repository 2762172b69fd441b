using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using static ContentHub.Tests.Http.PersistedQueryTests;

namespace ContentHub.Tests.Http;

/// <summary>Trusted-documents mode: anonymous callers run registered documents only; API-key holders anything.</summary>
public sealed class TrustedDocumentsTests(TrustedDocumentsTests.Factory factory) : IClassFixture<TrustedDocumentsTests.Factory>
{
    private const string Registered = "query TrustedSite { site { name } }";
    private const string Unregistered = "query Untrusted { site { copyright } }";

    /// <summary>A server started with a manifest holding <see cref="Registered"/>, as graphql-codegen writes one.</summary>
    public sealed class Factory : ContentHubFactory
    {
        private readonly string _manifest;

        public Factory()
            : this(WriteManifest())
        {
        }

        private Factory(string manifest)
            : base(("GraphQL:TrustedDocuments:Enabled", "true"), ("GraphQL:TrustedDocuments:Path", manifest)) => _manifest = manifest;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(_manifest);
        }

        private static string WriteManifest()
        {
            var path = Path.Combine(Path.GetTempPath(), $"contenthub-trusted-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, $$"""{ "{{Sha256(Registered)}}": "{{Registered}}" }""");
            return path;
        }
    }

    [Fact]
    public async Task Should_run_a_registered_document_by_id_hash_or_text()
    {
        var client = factory.CreateClient();

        var byId = await PostAsync(client, new { documentId = "sha256:" + Sha256(Registered) });
        var byHash = await PostAsync(client, new { extensions = Extensions(Registered) });
        var byText = await PostAsync(client, new { query = Registered });
        var overGet = await GetAsync(client, "/graphql?documentId=" + Sha256(Registered));

        Assert.Equal("Back to Life Blog", byId.AssertData()["site"]!["name"]!.GetValue<string>());
        Assert.Equal(byId.Body, byHash.Body);
        Assert.Equal(byId.Body, byText.Body);
        Assert.Equal(byId.Body, overGet.Body);
    }

    [Fact]
    public async Task Should_refuse_anonymous_callers_an_unregistered_document()
    {
        var client = factory.CreateClient();

        var byText = await PostAsync(client, new { query = Unregistered });
        var registering = await PostAsync(client, new { query = Unregistered, extensions = Extensions(Unregistered) });
        var byHash = await PostAsync(client, new { extensions = Extensions(Unregistered) });
        var unknownId = await PostAsync(client, new { documentId = Sha256(Unregistered) });

        Assert.Equal(400, byText.Status);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", Code(byText));
        Assert.Equal(400, registering.Status);
        Assert.Equal("PERSISTED_QUERY_REQUIRED", Code(registering));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(byHash));
        Assert.Equal(400, unknownId.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(unknownId));
    }

    [Fact]
    public async Task Should_let_editors_run_any_document()
    {
        var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);

        var response = await editor.PostQueryAsync(Unregistered);

        Assert.NotNull(response.AssertData()["site"]!["copyright"]);
    }
}
