using System.Globalization;
using System.Text;
using System.Xml;
using ContentHub.Server.Site;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Sitemaps;

/// <summary>
/// <c>GET /sitemap.xml</c> in the sitemaps.org format: the published pages with their absolute URLs and last change;
/// past <see cref="SiteOptions.SitemapUrlsPerFile"/> pages, an index of <c>/sitemap-{n}.xml</c> files holding them in order.
/// </summary>
public static class SitemapEndpoint
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemapEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", ServeAsync);
        endpoints.MapGet("/sitemap-{number:int}.xml", ServePartAsync);
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(HttpContext context, SitemapReader reader, IOptions<SiteOptions> options)
    {
        if (options.Value.BaseUrl is not { } baseUrl)
        {
            return NoBaseUrl();
        }

        var perFile = options.Value.SitemapUrlsPerFile;
        var count = await reader.CountAsync(context.RequestAborted);
        if (count <= perFile)
        {
            await WriteAsync(context, writer => WriteUrlsAsync(writer, reader.StreamAsync(0, perFile, context.RequestAborted)));
            return Results.Empty;
        }

        await WriteAsync(context, async writer =>
        {
            await writer.WriteStartElementAsync(null, "sitemapindex", Namespace);
            for (var number = 1; (number - 1) * (long)perFile < count; number++)
            {
                await writer.WriteStartElementAsync(null, "sitemap", Namespace);
                await writer.WriteElementStringAsync(null, "loc", Namespace, $"{baseUrl.TrimEnd('/')}/sitemap-{number.ToString(CultureInfo.InvariantCulture)}.xml");
                await writer.WriteEndElementAsync();
            }

            await writer.WriteEndElementAsync();
        });
        return Results.Empty;
    }

    private static async Task<IResult> ServePartAsync(HttpContext context, int number, SitemapReader reader, IOptions<SiteOptions> options)
    {
        if (options.Value.BaseUrl is null)
        {
            return NoBaseUrl();
        }

        var perFile = options.Value.SitemapUrlsPerFile;
        var skip = (number - 1L) * perFile;
        if (number < 1 || skip >= await reader.CountAsync(context.RequestAborted))
        {
            return Results.NotFound();
        }

        await WriteAsync(context, writer => WriteUrlsAsync(writer, reader.StreamAsync((int)skip, perFile, context.RequestAborted)));
        return Results.Empty;
    }

    private static IResult NoBaseUrl() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No sitemap",
            detail: "The sitemap needs the public site's address: set Site:BaseUrl.");

    private static async Task WriteUrlsAsync(XmlWriter writer, IAsyncEnumerable<SitemapEntry> entries)
    {
        await writer.WriteStartElementAsync(null, "urlset", Namespace);
        await foreach (var entry in entries)
        {
            await writer.WriteStartElementAsync(null, "url", Namespace);
            await writer.WriteElementStringAsync(null, "loc", Namespace, entry.Url!); // absolute: served only with Site:BaseUrl
            await writer.WriteElementStringAsync(null, "lastmod", Namespace, entry.LastModified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
    }

    private static async Task WriteAsync(HttpContext context, Func<XmlWriter, Task> write)
    {
        context.Response.ContentType = "application/xml; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=300";
        await using var writer = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await writer.WriteStartDocumentAsync();
        await write(writer);
        await writer.WriteEndDocumentAsync();
    }
}
