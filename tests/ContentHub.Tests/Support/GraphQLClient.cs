using System.Net.Http.Headers;
using System.Net.Http.Json;
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
}

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
