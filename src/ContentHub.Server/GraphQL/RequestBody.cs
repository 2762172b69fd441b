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

        // Read in the request pipe's own pooled buffers: nothing is allocated for the body but its text.
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            var body = read.Buffer;
            if (body.Length > maxBytes)
            {
                reader.AdvanceTo(body.Start, body.End);
                return null; // stop reading: the rest is never buffered
            }

            if (read.IsCompleted)
            {
                var text = Encoding.UTF8.GetString(body);
                reader.AdvanceTo(body.End);
                return text;
            }

            reader.AdvanceTo(body.Start, body.End);
        }
    }
}
