using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContentHub.Tests.Support;

/// <summary>Sends GraphQL over HTTP the way a front end does and hands back the parsed response.</summary>
public static class GraphQLClient
{
    public const string ResponseMediaType = "application/graphql-response+json";

    public static async Task<GraphQLResponse> PostQueryAsync(this HttpClient client, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ResponseMediaType));
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>POSTs a JSON <paramref name="body"/> chunked, of unknown length, <paramref name="chunkSize"/> bytes a read.</summary>
    public static async Task<GraphQLResponse> PostChunkedAsync(this HttpClient client, string body, int chunkSize)
    {
        using var content = new StreamContent(new ChunkedStream(Encoding.UTF8.GetBytes(body), chunkSize));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd(ResponseMediaType);
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    /// <summary>
    /// A request of the GraphQL multipart request spec: <paramref name="variables"/> hold null where each file goes,
    /// and each file names its variable path (e.g. <c>variables.file</c>).
    /// </summary>
    public static async Task<GraphQLResponse> PostUploadAsync(
        this HttpClient client, string query, object variables, IReadOnlyList<UploadFile> files, bool preflight = true)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query, variables })), "operations" },
            { new StringContent(JsonSerializer.Serialize(files.Select((f, i) => (i, f)).ToDictionary(p => p.i.ToString(CultureInfo.InvariantCulture), p => new[] { p.f.Path }))), "map" },
        };
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ByteArrayContent(files[i].Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            form.Add(part, i.ToString(CultureInfo.InvariantCulture), files[i].FileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ResponseMediaType));
        if (preflight)
        {
            request.Headers.Add("GraphQL-Preflight", "1");
        }

        using var response = await client.SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }
}

/// <summary>A file part of a multipart request, and the variable it fills.</summary>
public sealed record UploadFile(string Path, byte[] Bytes, string FileName, string ContentType = "application/octet-stream");

public sealed record GraphQLResponse(int Status, string? ContentType, string Body, JsonNode? Json)
{
    public JsonNode? Data => Json?["data"];

    public JsonArray? Errors => Json?["errors"] as JsonArray;

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
        }

        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, json);
    }

    /// <summary>The data, after asserting that the response carries no errors.</summary>
    public JsonNode AssertData()
    {
        Assert.True(Errors is null, $"unexpected errors: {Body}");
        Assert.Equal(200, Status);
        return Data!;
    }
}
