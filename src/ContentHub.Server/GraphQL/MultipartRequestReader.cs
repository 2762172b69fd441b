using System.Text.Json;
using ContentHub.Server.Content;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;
using static ContentHub.Server.GraphQL.GraphQLRequestReader;

namespace ContentHub.Server.GraphQL;

/// <summary>
/// Reads a request of the GraphQL multipart request spec
/// (https://github.com/jaydenseric/graphql-multipart-request-spec): an <c>operations</c> part with the request
/// as JSON, a <c>map</c> part naming which variables each file part fills, and the file parts.
/// </summary>
public static class MultipartRequestReader
{
    /// <summary>Headers a browser cannot send cross-origin without a CORS preflight; one of them is required.</summary>
    public static readonly string[] PreflightHeaders = ["GraphQL-Preflight", "Apollo-Require-Preflight"];

    public static bool IsMultipart(string? contentType) => contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// multipart/form-data is a type a plain HTML form may post to another site without a preflight, carrying the
    /// visitor's cookies: a request must prove it came from script allowed to send custom headers.
    /// </summary>
    public static bool HasPreflightHeader(HttpRequest request) =>
        PreflightHeaders.Any(header => !string.IsNullOrEmpty(request.Headers[header]));

    public static async Task<(GraphQLRequest? Request, RequestError? Error)> FromFormAsync(
        HttpContext context, long maxBodyBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBodyBytes;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBodyBytes }, context.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBodyBytes));
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge(maxBodyBytes));
        }
        catch (Exception exception) when (exception is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, $"The multipart body could not be read: {exception.Message}"));
        }

        var operations = form["operations"].ToString();
        if (operations.Length == 0 || form["map"].ToString() is not { Length: > 0 } mapText)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, "A multipart GraphQL request needs an 'operations' and a 'map' part."));
        }

        if (operations.AsSpan().TrimStart().StartsWith("["))
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest,
                "Batched requests (a JSON array of operations) are not accepted; send one operation per request.", ErrorCodes.BatchingNotSupported));
        }

        try
        {
            var request = RequestFromJson(operations)
                ?? throw new JsonException("'operations' is null.");
            var map = JsonSerializer.Deserialize<Dictionary<string, string[]>>(mapText)
                ?? throw new JsonException("'map' is null.");
            var variables = (Dictionary<string, object?>)Copy(request.Variables ?? Inputs.Empty);
            foreach (var (part, paths) in map)
            {
                var file = form.Files.GetFile(part) ?? throw new JsonException($"'map' names the file part '{part}', which the request does not carry.");
                foreach (var path in paths)
                {
                    Place(variables, path, file);
                }
            }

            request.Variables = new Inputs(variables);
            return (request, null);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, $"The multipart request is malformed: {exception.Message}"));
        }
    }

    /// <summary>Puts <paramref name="file"/> where <paramref name="path"/> (e.g. <c>variables.files.0</c>) points.</summary>
    private static void Place(Dictionary<string, object?> variables, string path, IFormFile file)
    {
        var segments = path.Split('.');
        if (segments is not ["variables", _, ..])
        {
            throw new ArgumentException($"The map path '{path}' does not point into 'variables'.");
        }

        // Every step but the last leads into an object or list; the last names a variable the client left null.
        object container = variables;
        for (var i = 1; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            if (container is IDictionary<string, object?> fields && fields.TryGetValue(segment, out var field) && (field is null) == last)
            {
                container = fields[segment] = last ? file : Copy(field);
            }
            else if (container is IList<object?> items && int.TryParse(segment, out var index) && index >= 0 && index < items.Count && (items[index] is null) == last)
            {
                container = items[index] = last ? file : Copy(items[index]);
            }
            else
            {
                throw new ArgumentException($"The map path '{path}' does not lead to a null variable.");
            }
        }
    }

    /// <summary>A mutable copy of a deserialized object or list (the engine's own are read-only).</summary>
    private static object Copy(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> fields => fields.ToDictionary(f => f.Key, f => f.Value),
        IEnumerable<object?> items => items.ToList(),
        _ => throw new ArgumentException("The map path leads through a value that is neither an object nor a list."),
    };

    private static RequestError TooLarge(long maxBodyBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBodyBytes} bytes.", ErrorCodes.BodySizeLimitExceeded);
}
