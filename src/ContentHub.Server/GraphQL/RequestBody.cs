using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Reads a request body up to a limit of decoded bytes. The server's own limit is lifted for the endpoint,
/// because Kestrel counts chunked-encoding framing against it and would refuse bodies under our limit.
/// </summary>
public static class RequestBody
{
    /// <summary>The body as text, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null; // stop reading: the rest is never buffered
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
