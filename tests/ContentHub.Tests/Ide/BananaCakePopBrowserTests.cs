using System.Net;
using System.Text.Json;
using ContentHub.Server.Access;
using ContentHub.Tests.Http;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ContentHub.Tests.Ide;

/// <summary>
/// Banana Cake Pop in a real (headless) browser against the local server: a reader runs the README's seed-page query
/// and sees the answer; a medical reviewer sends their key in the IDE's HTTP headers and approves an article.
/// </summary>
public sealed class BananaCakePopBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const float Timeout = 30_000;

    // The machine has no internet: without the background-networking switches Chromium's own connections are refused.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    [SkippableFact]
    public async Task Should_run_the_seed_page_query_in_the_ide()
    {
        await using var factory = OnLoopback(new ContentHubFactory());
        await InIdeAsync(factory, async ide =>
        {
            var response = await ide.RunAsync(SeedPageQueryTests.SeedPageQuery, "query SeedPage");

            Assert.Equal(200, response.Status);
            using var body = JsonDocument.Parse(await response.BodyAsync());
            var article = body.RootElement.GetProperty("data").GetProperty("article");
            Assert.Equal("Revision Surgery", article.GetProperty("title").GetString());
            await Expect(ide.ResponsePane).ToContainTextAsync("Back to Life Blog", new() { Timeout = Timeout });
            await Expect(ide.ResponsePane).ToContainTextAsync("1-844-201-1308", new() { Timeout = Timeout });
        });
    }

    [SkippableFact]
    public async Task Should_let_a_medical_reviewer_approve_an_article_with_their_key_in_the_ides_http_headers()
    {
        await using var factory = OnLoopback(new ContentHubFactory());
        var admin = await factory.CreateClientAsync(ApiKeyRole.Admin, "Admin ide");
        var category = (await admin.PostQueryAsync(
            "mutation($input: CategoryInput!) { createCategory(input: $input) { category { slug } } }",
            new { input = new { name = "Reviewed in the IDE", requiresMedicalReview = true } })).AssertData()["createCategory"]!["category"]!["slug"]!.GetValue<string>();
        await PersonMutations.CreatePublishedPersonAsync(admin, "Ana Ide", "MD");
        var writer = await factory.CreateClientAsync(ApiKeyRole.Writer, "Writer ide");
        var article = await ArticleMutations.CreateAsync(writer, new { title = "Walking after surgery", body = "Walk daily.", category });
        var requested = (await ArticleMutations.MutateAsync(writer, "requestReview", article))["article"]!;
        var reviewer = await factory.CreateClientAsync(ApiKeyRole.MedicalReviewer, "Reviewer ide", person: "ana-ide");

        await InIdeAsync(factory, async ide =>
        {
            await ide.AddHeaderAsync("Authorization", $"Bearer {reviewer.DefaultRequestHeaders.Authorization!.Parameter}");
            var response = await ide.RunAsync(
                $$"""mutation Approve { approveArticle(id: "{{requested["id"]}}", version: {{requested["version"]}}, note: "Checked in the IDE.") { article { reviewState reviewer { name } } errors { code } } }""",
                "mutation Approve");

            Assert.Equal(200, response.Status);
            using var body = JsonDocument.Parse(await response.BodyAsync());
            var approved = body.RootElement.GetProperty("data").GetProperty("approveArticle");
            Assert.Equal(0, approved.GetProperty("errors").GetArrayLength());
            Assert.Equal("APPROVED", approved.GetProperty("article").GetProperty("reviewState").GetString());
            Assert.Equal("Ana Ide", approved.GetProperty("article").GetProperty("reviewer").GetProperty("name").GetString());
        });
    }

    /// <summary>A real Kestrel server on a free loopback port, for the browser; skips the test without Chromium.</summary>
    private static ContentHubFactory OnLoopback(ContentHubFactory factory)
    {
        // Playwright must never download a browser; only the system's Chromium is used.
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed; the IDE needs a real browser.");
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    /// <summary>Opens Banana Cake Pop on <paramref name="factory"/>'s server (started on loopback, see <see cref="OnLoopback"/>) in headless Chromium and hands it to <paramref name="use"/>; a screenshot when it fails.</summary>
    private async Task InIdeAsync(ContentHubFactory factory, Func<Ide, Task> use)
    {
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var endpoint = $"{address}/graphql";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = Timeout,
        });

        // The IDE's service worker reloads the page once it has cached itself, which would race with the clicks below.
        await using var context = await browser.NewContextAsync(new()
        {
            ServiceWorkers = ServiceWorkerPolicy.Block,
            ViewportSize = new() { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();

        try
        {
            await page.GotoAsync(endpoint);
            await Expect(page).ToHaveURLAsync($"{endpoint}/", new() { Timeout = Timeout });

            // A fresh browser profile opens on the welcome screen; a remembered session would open a document.
            var ide = new Ide(page, endpoint);
            var createDocument = page.GetByRole(AriaRole.Button, new() { Name = "Create Document" });
            await createDocument.Or(ide.Operations).First.WaitForAsync();
            if (await createDocument.IsVisibleAsync())
            {
                await createDocument.ClickAsync();
            }

            // The connection comes from bcp-config.json; the IDE only reports the schema once it has introspected us.
            await Expect(page.GetByText("Schema available")).ToBeVisibleAsync(new() { Timeout = Timeout });
            await use(ide);
        }
        catch
        {
            var screenshot = Path.Combine(Path.GetTempPath(), $"bananacakepop-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new() { Path = screenshot, Timeout = Timeout });
            output.WriteLine($"The IDE as it was when the test failed: {screenshot}");
            throw;
        }
    }

    /// <summary>The parts of the IDE a test drives: the operation editor, the HTTP headers, Run and the response.</summary>
    private sealed class Ide(IPage page, string endpoint)
    {
        public ILocator Operations { get; } = page.Locator("[data-mode-id=graphql] .monaco-editor");

        public ILocator ResponsePane { get; } = page.GetByRole(AriaRole.Toolbar)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Response", Exact = true }) })
            .Locator("xpath=..")
            .Locator(".monaco-editor");

        /// <summary>Adds a header in the IDE's "HTTP Headers" tab (a table of names and values), as an editor sends their key.</summary>
        public async Task AddHeaderAsync(string name, string value)
        {
            await page.GetByRole(AriaRole.Tab, new() { Name = "HTTP Headers" }).ClickAsync();
            // Typing a name appends a new empty row a moment later: the value goes in the name's row, found before it grows.
            // A value in the new row would be a header without a name, and the IDE would send nothing at all.
            var names = page.GetByPlaceholder("Name", new() { Exact = true });
            var values = page.GetByPlaceholder("Value", new() { Exact = true });
            var rows = await names.CountAsync();
            var nameInRow = names.Nth(rows - 1);
            var valueInRow = values.Nth(await values.CountAsync() - 1);
            await nameInRow.FillAsync(name);
            await valueInRow.FillAsync(value);
            await Expect(names).ToHaveCountAsync(rows + 1, new() { Timeout = Timeout });
            await Expect(nameInRow).ToHaveValueAsync(name);
            await Expect(valueInRow).ToHaveValueAsync(value);
        }

        /// <summary>Replaces the operation with <paramref name="document"/>, runs it and returns the response whose request holds <paramref name="marker"/>.</summary>
        public async Task<IResponse> RunAsync(string document, string marker)
        {
            await PasteAsync(Operations, document);
            // The IDE analyses the document in a worker; Run before that sends an empty query. Its "Run" lens marks the end.
            await Expect(Operations.Locator(".codelens-decoration")).ToContainTextAsync("Run", new() { Timeout = Timeout });

            return await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync(),
                candidate => candidate.Url.TrimEnd('/') == endpoint
                    && candidate.Request.Method == "POST"
                    && candidate.Request.PostData?.Contains(marker, StringComparison.Ordinal) == true,
                new() { Timeout = Timeout });
        }

        private async Task PasteAsync(ILocator editor, string text)
        {
            await editor.Locator(".view-lines").ClickAsync();
            await page.Keyboard.PressAsync("ControlOrMeta+A");
            // Pasting, not typing: Monaco would auto-close braces and auto-indent every typed line.
            await editor.Locator("textarea").EvaluateAsync(
                """
                (textarea, text) => {
                    const clipboard = new DataTransfer();
                    clipboard.setData("text/plain", text);
                    textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
                }
                """,
                text);
        }
    }
}
