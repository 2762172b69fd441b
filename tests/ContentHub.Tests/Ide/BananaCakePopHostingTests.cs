using System.Net;
using System.Text.Json.Nodes;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContentHub.Tests.Ide;

/// <summary>Browsers at /graphql get Banana Cake Pop; API clients at the same address get GraphQL.</summary>
public sealed class BananaCakePopHostingTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    [Fact]
    public async Task Should_redirect_a_browser_to_the_ide_folder()
    {
        using var response = await BrowserGetAsync(factory, "/graphql");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_serve_the_ide_page_and_its_scripts()
    {
        using var page = await BrowserGetAsync(factory, "/graphql/");
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(static/js/main[^\"]+)\"").Groups[1].Value;
        using var scriptResponse = await factory.CreateClient().GetAsync("/graphql/" + script);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Banana Cake Pop</title>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
    }

    [Fact]
    public async Task Should_point_the_ide_at_this_server_without_telemetry()
    {
        var config = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/graphql/bcp-config.json"))!;

        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.Equal("/graphql", config["endpoint"]!.GetValue<string>());
        Assert.True(config["disableTelemetry"]!.GetValue<bool>());
        Assert.Equal("ContentHub", config["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_ship_the_ide_licence()
    {
        var licence = await factory.CreateClient().GetStringAsync("/graphql/LICENSE");

        Assert.Contains("ChilliCream License 1.0", licence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_explain_how_to_install_the_ide_when_its_files_are_missing()
    {
        using var withoutIde = factory.WithWebHostBuilder(builder => builder.UseSetting("Ide:FilesPath", "/nonexistent/ide"));

        using var response = await BrowserGetAsync(withoutIde, "/graphql/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Banana Cake Pop is not installed", html, StringComparison.Ordinal);
        Assert.Contains("npm ci --prefix src/ContentHub.Server/Ide", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> BrowserGetAsync(WebApplicationFactory<Program> app, string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return await client.SendAsync(request);
    }
}
