using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace ContentHub.Server.Media;

/// <summary>
/// <c>GET /media/{sha256}.{ext}</c>: a stored file. Its address is its content, so it is cached for a year as
/// immutable, and its ETag is its hash.
/// </summary>
public static partial class MediaEndpoint
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(MediaPaths.Prefix + "/{file}", (HttpContext context, string file, IAssetStorage storage) =>
        {
            if (OriginalName().Match(file) is not { Success: true } match
                || !Enum.TryParse<AssetFormat>(match.Groups["ext"].Value == "jpg" ? "jpeg" : match.Groups["ext"].Value, ignoreCase: true, out var format))
            {
                return Results.NotFound();
            }

            var sha256 = match.Groups["sha"].Value;
            return Serve(context, storage, sha256, sha256, format);
        });
        return endpoints;
    }

    /// <summary>Answers with what <paramref name="storage"/> holds under <paramref name="name"/>, or 304 when the client has it.</summary>
    public static IResult Serve(HttpContext context, IAssetStorage storage, string name, string etag, AssetFormat format)
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
        return Results.Stream(stream, MediaPaths.ContentType(format), entityTag: tag);
    }

    [GeneratedRegex("^(?<sha>[0-9a-f]{64})\\.(?<ext>jpg|png|webp|avif|gif)$")]
    private static partial Regex OriginalName();
}
