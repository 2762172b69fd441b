using System.Net.Mime;
using ContentHub.Server.Media;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Benchmarking;

/// <summary>
/// A constant JSON answer served by the same process and pipeline as GraphQL: the yardstick load runs measure
/// GraphQL against; and, under <c>/benchmark/static/</c>, the asset store as plain static files: the ceiling a cached
/// rendition is measured against (the same bytes through the same pipeline, without the signature check and the store
/// lookup). Mapped only when <c>Benchmark:BaselineEndpoint</c> is true, so production servers never expose them.
/// </summary>
public static class BaselineEndpoint
{
    public const string Setting = "Benchmark:BaselineEndpoint";
    public const string Path = "/benchmark/baseline";
    public const string StaticPath = "/benchmark/static";

    // About the size of a small GraphQL answer; bytes made once, so the baseline costs no serialisation.
    private static readonly byte[] s_body = """{"data":{"site":{"name":"ContentHub","tagline":"A fixed answer for load tests."}}}"""u8.ToArray();

    public static WebApplication MapBaselineEndpoint(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(Setting))
        {
            app.MapGet(Path, (HttpContext context) =>
            {
                context.Response.ContentType = MediaTypeNames.Application.Json;
                context.Response.ContentLength = s_body.Length;
                return context.Response.Body.WriteAsync(s_body).AsTask();
            });

            var store = System.IO.Path.GetFullPath(app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Path, app.Environment.ContentRootPath);
            Directory.CreateDirectory(store);
            // Renditions only (named by their format), never the store's other files: the originals have no extension, the signing key is not an image.
            var renditions = new FileExtensionContentTypeProvider(
                Enum.GetValues<RenditionFormat>().Where(f => f != RenditionFormat.Auto).ToDictionary(f => "." + f.ToString().ToLowerInvariant(), f => "image/" + f.ToString().ToLowerInvariant()));
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(store), RequestPath = StaticPath, ContentTypeProvider = renditions });
        }

        return app;
    }
}
