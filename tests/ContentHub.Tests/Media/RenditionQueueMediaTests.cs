using System.Diagnostics.Metrics;
using System.Net;
using ContentHub.Server.Access;
using ContentHub.Server.Media;
using ContentHub.Tests.Support;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Media;

public sealed class RenditionQueueMediaTests
{
    [Fact]
    public async Task Should_make_no_more_renditions_at_once_than_the_limit_while_a_burst_waits_its_turn()
    {
        using var factory = new CustomContentHubFactory(("Seeding:OnStartup", "false"), ("Media:MaxConcurrentRenditions", "1"));
        using var editor = await factory.CreateClientAsync(ApiKeyRole.Editor);
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var now = new Dictionary<string, long>();
        var most = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == RenditionMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (now)
            {
                now[instrument.Name] = now.GetValueOrDefault(instrument.Name) + value;
                most[instrument.Name] = Math.Max(most.GetValueOrDefault(instrument.Name), now[instrument.Name]);
            }
        });
        listener.Start();
        var urls = await NewRenditionUrlsAsync(editor, widths: [120, 240, 360, 480, 600, 720, 840, 960]);
        var reader = factory.CreateClient();

        var responses = await Task.WhenAll(urls.Select(url => reader.GetAsync(url)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, most.GetValueOrDefault(RenditionMetrics.RenderingName));
        Assert.True(most.GetValueOrDefault(RenditionMetrics.WaitingName) > 1, "the burst did not queue: the test would prove nothing");
        Assert.Equal((0, 0), (now[RenditionMetrics.RenderingName], now[RenditionMetrics.WaitingName]));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>Signed WebP rendition URLs of a new 1600 × 1200 photo-like JPEG, through an article's hero image.</summary>
    private static async Task<string[]> NewRenditionUrlsAsync(HttpClient editor, int[] widths)
    {
        using var photo = new MagickImage("plasma:", 1600, 1200);
        photo.Format = MagickFormat.Jpeg;
        var id = AssetUploadTests.Asset(await AssetUploadTests.UploadAsync(editor, photo.ToByteArray()))["id"]!.GetValue<string>();
        var srcSet = (await editor.PostQueryAsync(
            "mutation($input: ArticleInput!) { createArticle(input: $input) { article { heroImage { srcSet(widths: $widths, format: WEBP) } } } }"
                .Replace("$widths", $"[{string.Join(", ", widths)}]", StringComparison.Ordinal),
            new { input = new { slug = "queued-renditions", title = "Queued", body = "Text.", heroImage = new { assetId = id, alt = "Plasma" } } }))
            .AssertData()["createArticle"]!["article"]!["heroImage"]!["srcSet"]!.GetValue<string>();
        return [.. srcSet.Split(", ").Select(candidate => candidate.Split(' ')[0])];
    }
}
