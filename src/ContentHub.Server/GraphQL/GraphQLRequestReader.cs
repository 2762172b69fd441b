using System.Buffers;
using System.Text.Json;
using ContentHub.Server.Content;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;

namespace ContentHub.Server.GraphQL;

/// <summary>Reads a GraphQL request from a GET query string or a POST body, or says why it cannot.</summary>
public static class GraphQLRequestReader
{
    // GraphQL.NET's own request converter, as its serializer registers it, with its variables converter behind a guard:
    // here they read the body's bytes in place.
    private static readonly JsonSerializerOptions s_requestJson = new() { Converters = { new GraphQLRequestJsonConverter(), new ShortNumbersInputsJsonConverter() } };

    public sealed record RequestError(int Status, string Message, string Code = ErrorCodes.BadRequest);

    public static (GraphQLRequest? Request, RequestError? Error) FromQueryString(IQueryCollection query)
    {
        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"],
                DocumentId = query["documentId"],
                OperationName = query["operationName"],
                Variables = InputsFromJson(query["variables"]),
                Extensions = InputsFromJson(query["extensions"]),
            }, null);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, $"'variables' or 'extensions' is not a JSON object that can be read: {exception.Message}"));
        }
    }

    public static async Task<(GraphQLRequest? Request, RequestError? Error)> FromBodyAsync(HttpContext context, long maxBodyBytes)
    {
        try
        {
            var (fits, parsed) = await RequestBody.ReadAsync(context, maxBodyBytes, static body => FromJson(body));
            return fits
                ? parsed
                : (null, new RequestError(StatusCodes.Status400BadRequest,
                    $"The request body is larger than {maxBodyBytes} bytes.", ErrorCodes.BodySizeLimitExceeded));
        }
        catch (BadHttpRequestException exception)
        {
            // A body the server cannot read: broken chunks, shorter than announced, too slow.
            return (null, new RequestError(exception.StatusCode, $"The request body could not be read: {exception.Message}"));
        }
    }

    /// <summary>Parses the request straight from the body's UTF-8 bytes: only its strings (the query and the variables' values) are allocated.</summary>
    private static (GraphQLRequest? Request, RequestError? Error) FromJson(ReadOnlySequence<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                return (null, new RequestError(StatusCodes.Status400BadRequest,
                    "Batched requests (a JSON array of operations) are not accepted; send one operation per request.", ErrorCodes.BatchingNotSupported));
            }

            var request = JsonSerializer.Deserialize<GraphQLRequest>(ref reader, s_requestJson);
            reader.Read(); // throws on anything but white space after the request
            return (request, null);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            // ArgumentException: a JSON object with the same key twice, which the variables reader refuses.
            return (null, new RequestError(StatusCodes.Status400BadRequest, $"The body is not a GraphQL request in JSON: {exception.Message}"));
        }
    }

    /// <summary>The request in a multipart request's <c>operations</c> part.</summary>
    public static GraphQLRequest? RequestFromJson(string json) => JsonSerializer.Deserialize<GraphQLRequest>(json, s_requestJson);

    private static Inputs? InputsFromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<Inputs>(json, s_requestJson);
}
