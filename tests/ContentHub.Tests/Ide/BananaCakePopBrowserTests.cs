using System.Net;
using ContentHub.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContentHub.Tests.Ide;

public sealed class BananaCakePopBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private const string SeedPageQuery = """
        query SeedPage {
          site { name tagline }
          article(slug: "revision-surgery") { title callToAction { phoneNumber } }
        }
        """;

    [SkippableFact]
    public async Task Should_run_the_seed_page_query_in_the_ide()
    {
        Skip.IfNot(File.Exists(Chromium), $"{Chromium} is not installed");

        await using var factory = new ContentHubFactory();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ServiceWorkers = ServiceWorkerPolicy.Block, ViewportSize = new() { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        page.Console += (_, message) => Console.WriteLine($"console {message.Type}: {message.Text}");
        page.Request += (_, request) => Console.WriteLine($"request {request.Method} {request.Url} {request.PostData}");

        await page.GotoAsync($"{address}/graphql");
        Console.WriteLine($"url {page.Url} addr {address}");
        await page.WaitForTimeoutAsync(5000);
        await page.ScreenshotAsync(new() { Path = "/tmp/bcp-1.png" });
        await File.WriteAllTextAsync("/tmp/bcp-1.html", await page.ContentAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).ClickAsync();
        await page.WaitForTimeoutAsync(3000);
        await page.ScreenshotAsync(new() { Path = "/tmp/bcp-2.png" });
        await File.WriteAllTextAsync("/tmp/bcp-2.html", await page.ContentAsync());
        var editor = page.Locator("[data-mode-id=graphql] .monaco-editor");
        await editor.Locator(".view-lines").ClickAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await editor.Locator("textarea").EvaluateAsync(
            """
            (textarea, text) => {
                const clipboard = new DataTransfer();
                clipboard.setData("text/plain", text);
                textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
            }
            """,
            SeedPageQuery);
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new() { Path = "/tmp/bcp-3.png" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync();
        await page.WaitForTimeoutAsync(3000);
        await page.ScreenshotAsync(new() { Path = "/tmp/bcp-4.png" });
        await File.WriteAllTextAsync("/tmp/bcp-4.html", await page.ContentAsync());
    }
}
