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
    // GraphQL.NET's own request and variables converters, as its serializer registers them: here they read the body's bytes in place.
    private static readonly JsonSerializerOptions s_requestJson = new() { Converters = { new GraphQLRequestJsonConverter(), new InputsJsonConverter() } };

    public sealed record RequestError(int Status, string Message, string Code = ErrorCodes.BadRequest);

    public static (GraphQLRequest? Request, RequestError? Error) FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"],
                DocumentId = query["documentId"],
                OperationName = query["operationName"],
                Variables = serializer.Deserialize<Inputs>(NullIfEmpty(query["variables"])),
                Extensions = serializer.Deserialize<Inputs>(NullIfEmpty(query["extensions"])),
            }, null);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            return (null, new RequestError(StatusCodes.Status400BadRequest, $"'variables' and 'extensions' must be JSON objects: {exception.Message}"));
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
