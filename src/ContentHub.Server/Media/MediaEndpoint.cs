using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContentHub.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentHub.Server.Media;

/// <summary>
/// <c>GET /media/{sha256}.{ext}</c>, a stored file, and <c>GET /media/{sha256}/{spec}?s=…</c>, a signed rendition
/// made on first request. Both addresses say exactly what they hold, so answers are cached for a year as immutable.
/// </summary>
public static partial class MediaEndpoint
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaPaths.Prefix + "/{file}", ServeFileAsync);
        endpoints.MapGet(MediaPaths.Prefix + "/{sha256:regex(^[0-9a-f]{{64}}$)}/{spec}", ServeRenditionAsync);
        return endpoints;
    }

    /// <summary>
    /// A stored file by its hash; or, by name (the path a seed file or an editor wrote, e.g. <c>/media/walk.jpg</c>), a
    /// redirect to the newest asset outside the trash with that file name.
    /// </summary>
    private static async Task<IResult> ServeFileAsync(HttpContext context, string file, IAssetStorage storage, IDbContextFactory<ContentHubDbContext> contexts)
    {
        if (OriginalName().Match(file) is { Success: true } match
            && Enum.TryParse<AssetFormat>(match.Groups["ext"].Value == "jpg" ? "jpeg" : match.Groups["ext"].Value, ignoreCase: true, out var format))
        {
            var sha256 = match.Groups["sha"].Value;
            return Serve(context, storage, sha256, sha256, MediaPaths.ContentType(format));
        }

        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        if (!(await AssetByFileNameLoader.NewestAsync(db, [file], context.RequestAborted)).TryGetValue(file, out var asset))
        {
            return Results.NotFound();
        }

        // The name may come to mean another file: only the address it redirects to is immutable.
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Redirect(asset.Url);
    }

    private static async Task<IResult> ServeRenditionAsync(
        HttpContext context, string sha256, string spec, RenditionSigner signer, RenditionQueue queue, IAssetStorage storage, IOptions<MediaOptions> options)
    {
        if (Rendition.Parse(sha256, spec) is not { } rendition
            || rendition.Width > options.Value.MaxRenditionWidth || rendition.Height > options.Value.MaxRenditionWidth
            || rendition.FocalX > 100 || rendition.FocalY > 100)
        {
            return Results.NotFound();
        }

        if (!signer.IsValid(rendition, RenditionSigner.SignatureOf(context.Request)))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (rendition.Format == RenditionFormat.Auto)
        {
            context.Response.Headers.Vary = HeaderNames.Accept;
            rendition = rendition.As(Preferred(context.Request.Headers.Accept.ToString()));
        }

        if (!await queue.EnsureAsync(rendition, context.RequestAborted))
        {
            return Results.NotFound();
        }

        var etag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rendition.Key)))[..32];
        return Serve(context, storage, rendition.Key, etag, "image/" + rendition.Format.ToString().ToLowerInvariant());
    }

    /// <summary>The best format the browser says it takes.</summary>
    private static RenditionFormat Preferred(string accept) =>
        accept.Contains("image/avif", StringComparison.OrdinalIgnoreCase) ? RenditionFormat.Avif
        : accept.Contains("image/webp", StringComparison.OrdinalIgnoreCase) ? RenditionFormat.Webp
        : RenditionFormat.Jpeg;

    /// <summary>Answers with what <paramref name="storage"/> holds under <paramref name="name"/>, or 304 when the client has it.</summary>
    private static IResult Serve(HttpContext context, IAssetStorage storage, string name, string etag, string contentType)
    {
        var tag = new EntityTagHeaderValue($"\"{etag}\"");
        var headers = context.Response.GetTypedHeaders();
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            headers.ETag = tag;
            context.Response.Headers.CacheControl = ImmutableCacheControl;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (storage.OpenRead(name) is not { } stream)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = ImmutableCacheControl;
        return Results.Stream(stream, contentType, entityTag: tag);
    }

    [GeneratedRegex("^(?<sha>[0-9a-f]{64})\\.(?<ext>jpg|png|webp|avif|gif)$")]
    private static partial Regex OriginalName();
}
