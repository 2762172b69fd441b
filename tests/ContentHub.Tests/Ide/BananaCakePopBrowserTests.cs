using System.Net;
using System.Text.Json;
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
/// A reader opens Banana Cake Pop in a real (headless) browser, runs the README's seed-page query against the
/// local server and sees the answer.
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
        // Playwright must never download a browser; only the system's Chromium is used.
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed; the IDE needs a real browser.");

        await using var factory = new ContentHubFactory();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
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
            var operations = page.Locator("[data-mode-id=graphql] .monaco-editor");
            var createDocument = page.GetByRole(AriaRole.Button, new() { Name = "Create Document" });
            await createDocument.Or(operations).First.WaitForAsync();
            if (await createDocument.IsVisibleAsync())
            {
                await createDocument.ClickAsync();
            }

            // The connection comes from bcp-config.json; the IDE only reports the schema once it has introspected us.
            await Expect(page.GetByText("Schema available")).ToBeVisibleAsync(new() { Timeout = Timeout });

            await operations.Locator(".view-lines").ClickAsync();
            await page.Keyboard.PressAsync("ControlOrMeta+A");
            // Pasting, not typing: Monaco would auto-close braces and auto-indent every typed line.
            await operations.Locator("textarea").EvaluateAsync(
                """
                (textarea, text) => {
                    const clipboard = new DataTransfer();
                    clipboard.setData("text/plain", text);
                    textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
                }
                """,
                SeedPageQueryTests.SeedPageQuery);
            // The IDE analyses the document in a worker; Run before that sends an empty query. Its "Run" lens marks the end.
            await Expect(operations.Locator(".codelens-decoration")).ToContainTextAsync("Run", new() { Timeout = Timeout });

            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync(),
                candidate => candidate.Url.TrimEnd('/') == endpoint
                    && candidate.Request.Method == "POST"
                    && candidate.Request.PostData?.Contains("query SeedPage", StringComparison.Ordinal) == true,
                new() { Timeout = Timeout });

            Assert.Equal(200, response.Status);
            using var body = JsonDocument.Parse(await response.BodyAsync());
            var article = body.RootElement.GetProperty("data").GetProperty("article");
            Assert.Equal("Revision Surgery", article.GetProperty("title").GetString());

            var responsePane = page.GetByRole(AriaRole.Toolbar)
                .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Response", Exact = true }) })
                .Locator("xpath=..")
                .Locator(".monaco-editor");
            await Expect(responsePane).ToContainTextAsync("Back to Life Blog", new() { Timeout = Timeout });
            await Expect(responsePane).ToContainTextAsync("1-844-201-1308", new() { Timeout = Timeout });
        }
        catch
        {
            var screenshot = Path.Combine(Path.GetTempPath(), $"bananacakepop-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new() { Path = screenshot, Timeout = Timeout });
            output.WriteLine($"The IDE as it was when the test failed: {screenshot}");
            throw;
        }
    }
}
