using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Reads a request body up to a limit of decoded bytes. The server's own limit is lifted for the endpoint,
/// because Kestrel counts chunked-encoding framing against it and would refuse bodies under our limit.
/// </summary>
public static class RequestBody
{
    /// <summary>
    /// Reads the whole body and hands it to <paramref name="parse"/> where it lies, in the request pipe's own pooled
    /// buffers: nothing is copied. <c>Fits</c> is false, and nothing parsed, when it is longer than <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<(bool Fits, T? Parsed)> ReadAsync<T>(HttpContext context, long maxBytes, Func<ReadOnlySequence<byte>, T> parse)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return (false, default);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = null;
        }

        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            var body = read.Buffer;
            if (body.Length > maxBytes)
            {
                reader.AdvanceTo(body.Start, body.End);
                return (false, default); // stop reading: the rest is never buffered
            }

            if (read.IsCompleted)
            {
                try
                {
                    return (true, parse(body));
                }
                finally
                {
                    reader.AdvanceTo(body.End);
                }
            }

            reader.AdvanceTo(body.Start, body.End);
        }
    }
}
