using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using static ContentHub.Tests.Http.PersistedQueryTests;

namespace ContentHub.Tests.Access;

/// <summary>With single sign-on configured, a signed token's role claim gives its holder a role (its person claim the person they are); API keys keep working.</summary>
public sealed class JwtAuthenticationTests(JwtAuthenticationTests.SingleSignOnFactory factory) : IClassFixture<JwtAuthenticationTests.SingleSignOnFactory>
{
    private const string Issuer = "https://id.example.test";
    private const string Audience = "contenthub";
    private static readonly SymmetricSecurityKey s_signingKey = new(Encoding.UTF8.GetBytes("a test signing key that is long enough for HS256"));

    [Fact]
    public async Task Should_let_a_signed_in_editor_read_drafts_and_record_their_name()
    {
        var editor = Client(Token(("role", "editor"), ("name", "Dr. Sso")));
        var created = (await editor.PostQueryAsync(
            """mutation { createArticle(input: { title: "Signed in", body: "Via SSO." }) { article { slug status } errors { code } } }""")).AssertData();
        var draft = (await editor.PostQueryAsync("""{ article(slug: "signed-in") { status } }""")).AssertData();

        Assert.Equal("DRAFT", created["createArticle"]!["article"]!["status"]!.GetValue<string>());
        Assert.Equal("DRAFT", draft["article"]!["status"]!.GetValue<string>());
        var revisions = (await editor.PostQueryAsync(
            $$"""{ articleRevisions(id: "{{await IdOfAsync(editor, "signed-in")}}") { actor } }""")).AssertData()["articleRevisions"]!;
        Assert.Equal("Dr. Sso", revisions[0]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_give_admins_the_audit_log_and_readers_without_a_role_nothing_more_than_anonymous()
    {
        var reader = await Client(Token(("name", "Just a reader"))).PostQueryAsync("""mutation { createArticle(input: { title: "Nope" }) { errors { code } } }""");
        var admin = await Client(Token(("role", "admin"), ("name", "Sso Admin"))).PostQueryAsync("""{ auditLog(actor: "Just a reader") { id } }""");

        Assert.Equal("UNAUTHENTICATED", reader.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Empty(admin.AssertData()["auditLog"]!.AsArray()); // refused like an anonymous caller: counted, not audited
    }

    [Fact]
    public async Task Should_hold_a_signed_in_user_without_a_role_to_the_trusted_documents_like_anonymous_callers()
    {
        const string Registered = "query Registered { site { name } }";
        const string Unregistered = "query Unregistered { site { copyright } }";
        var manifest = Path.Combine(Path.GetTempPath(), $"contenthub-trusted-{Guid.NewGuid():N}.json");
        File.WriteAllText(manifest, $$"""{ "{{Sha256(Registered)}}": "{{Registered}}" }""");
        try
        {
            using var trusted = factory.WithWebHostBuilder(builder => builder
                .UseSetting("GraphQL:TrustedDocuments:Enabled", "true")
                .UseSetting("GraphQL:TrustedDocuments:Path", manifest));
            var reader = Client(trusted, Token(("name", "Just a reader")));
            var editor = Client(trusted, Token(("role", "editor"), ("name", "Sso Editor")));

            var readerRegistered = await PostAsync(reader, new { query = Registered });
            var readerAny = await PostAsync(reader, new { query = Unregistered });
            var readerRegistering = await PostAsync(reader, new { query = Unregistered, extensions = Extensions(Unregistered) });
            var editorAny = await PostAsync(editor, new { query = Unregistered });

            readerRegistered.AssertData();
            Assert.Equal((400, "PERSISTED_QUERY_REQUIRED"), (readerAny.Status, Code(readerAny)));
            Assert.Equal((400, "PERSISTED_QUERY_REQUIRED"), (readerRegistering.Status, Code(readerRegistering)));
            editorAny.AssertData();
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    [Fact]
    public async Task Should_give_a_signed_in_user_without_a_role_no_schema_hints_and_no_editors_introspection()
    {
        using var production = factory.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("GraphQL:Introspection", "Editors"));
        var reader = Client(production, Token(("name", "Just a reader")));
        var editor = Client(production, Token(("role", "editor"), ("name", "Sso Editor")));

        var readerTypo = await reader.PostQueryAsync("{ site { nam } }");
        var readerSchema = await reader.PostQueryAsync("{ __schema { queryType { name } } }");
        var editorTypo = await editor.PostQueryAsync("{ site { nam } }");
        var editorSchema = await editor.PostQueryAsync("{ __schema { queryType { name } } }");

        Assert.DoesNotContain("Did you mean", readerTypo.Body, StringComparison.Ordinal);
        Assert.Equal("INTROSPECTION_DISABLED", Code(readerSchema));
        Assert.Contains("Did you mean", editorTypo.Body, StringComparison.Ordinal);
        editorSchema.AssertData();
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("forged")]
    public async Task Should_refuse_a_bad_token_with_401(string flaw)
    {
        var token = flaw switch
        {
            "wrong-audience" => Token([("role", "editor")], audience: "someone-else"),
            "expired" => Token([("role", "editor")], expires: DateTime.UtcNow.AddHours(-1)),
            _ => Token(("role", "editor"))[..^6] + "AAAAAA",
        };

        var response = await Client(token).PostQueryAsync("{ __typename }");

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_map_signed_in_writers_and_reviewers_to_their_roles_and_a_reviewer_to_their_person()
    {
        await PersonMutations.CreatePublishedPersonAsync(await factory.CreateClientAsync(ApiKeyRole.Admin, "Sso People Admin"), "Sso Reviewer", "MD");
        var writer = Client(Token(("role", "writer"), ("name", "Sso Writer")));
        var reviewer = Client(Token(("role", "medicalReviewer"), ("name", "Sso Reviewer"), ("person", "sso-reviewer")));
        var article = await ArticleMutations.CreateAsync(writer, new { title = "Sso reviewed", body = "Text." });
        var requested = (await ArticleMutations.MutateAsync(writer, "requestReview", article))["article"]!;

        var publish = await writer.PostQueryAsync(
            "mutation($id: ID!, $version: Int!) { publishArticle(id: $id, version: $version) { errors { code } } }",
            new { id = article["id"]!.GetValue<string>(), version = requested["version"]!.GetValue<int>() });
        await ArticleMutations.MutateAsync(reviewer, "approveArticle", requested);
        var approved = (await writer.PostQueryAsync("""{ article(slug: "sso-reviewed") { reviewState reviewedBy { slug } } }""")).AssertData()["article"]!;

        Assert.Equal("FORBIDDEN", publish.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(("APPROVED", "sso-reviewer"), (approved["reviewState"]!.GetValue<string>(), approved["reviewedBy"]!["slug"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_still_accept_api_keys()
    {
        var keyHolder = await factory.CreateClientAsync(ApiKeyRole.Admin, "Key Admin");

        (await keyHolder.PostQueryAsync("{ auditLog(first: 1) { id } }")).AssertData();
    }

    private HttpClient Client(string token) => Client(factory, token);

    private static HttpClient Client(WebApplicationFactory<Program> app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> IdOfAsync(HttpClient client, string slug) =>
        (await client.PostQueryAsync($$"""{ article(slug: "{{slug}}") { id } }""")).AssertData()["article"]!["id"]!.GetValue<string>();

    private static string Token(params (string Type, string Value)[] claims) => Token(claims, Audience, DateTime.UtcNow.AddMinutes(10));

    private static string Token((string Type, string Value)[] claims, string audience = Audience, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            SigningCredentials = new SigningCredentials(s_signingKey, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>Single sign-on configured; the identity provider's metadata is supplied in process instead of fetched.</summary>
    public sealed class SingleSignOnFactory() : ContentHubFactory(("Authentication:Jwt:Authority", Issuer), ("Authentication:Jwt:Audience", Audience))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var metadata = new OpenIdConnectConfiguration { Issuer = Issuer };
                metadata.SigningKeys.Add(s_signingKey);
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
            }));
        }
    }
}
