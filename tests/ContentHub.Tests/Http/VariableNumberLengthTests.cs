using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Server.GraphQL;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>
/// Numbers in variables are read only up to <see cref="ShortNumbersInputsJsonConverter.MaxNumberLength"/> characters,
/// whichever way the request comes: a megabyte of digits is refused before anything parses it.
/// </summary>
public sealed class VariableNumberLengthTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private const string Query = "query($first: Int) { articles(first: $first) { totalCount } }";
    private const int Max = ShortNumbersInputsJsonConverter.MaxNumberLength;

    [Fact]
    public async Task Should_read_a_number_as_long_as_the_limit()
    {
        var number = Digits(Max);
        var response = await factory.CreateClient().PostQueryAsync(Query, new { first = JsonNode.Parse(number) });

        // Past the request reader: the engine itself says the number is no Int.
        Assert.NotEqual("BAD_REQUEST", response.Errors![0]!["extensions"]?["code"]?.GetValue<string>());
        Assert.Contains(number, response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Max + 1)]
    [InlineData(900_000)]
    public async Task Should_refuse_a_longer_number_anywhere_in_a_posted_requests_variables(int length)
    {
        var deep = new { list = new object?[] { 1, 2.5, JsonNode.Parse(Digits(length)) } };
        var response = await factory.CreateClient().PostQueryAsync(Query, new { first = 1, deep });

        AssertRefused(response, length);
    }

    [Fact]
    public async Task Should_refuse_a_longer_number_cut_between_the_bodys_buffers()
    {
        // The number starts 20 bytes before the end of the request pipe's first 4 KB buffer.
        const string Head = """{"query":"# """;
        const string Tail = """\n{ site { name } }","extensions":{"n":""";
        var body = Head + new string('x', 4076 - Head.Length - Tail.Length) + Tail + Digits(Max + 1) + "}}";
        var response = await factory.CreateClient().PostChunkedAsync(body, chunkSize: 7);

        Assert.Equal(4076, body.IndexOf(Digits(Max + 1), StringComparison.Ordinal));
        AssertRefused(response, Max + 1);
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("extensions")]
    public async Task Should_refuse_a_longer_number_in_the_parameters_of_a_get(string parameter)
    {
        var value = Uri.EscapeDataString($$"""{"first":{{Digits(Max + 1)}}}""");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(Query)}&{parameter}={value}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLClient.ResponseMediaType));
        using var response = await factory.CreateClient().SendAsync(request);

        AssertRefused(await GraphQLResponse.ReadAsync(response), Max + 1);
    }

    [Fact]
    public async Task Should_refuse_a_longer_number_in_the_operations_of_a_multipart_request()
    {
        var writer = await factory.CreateClientAsync(ApiKeyRole.Writer, "Writer of long numbers");
        var variables = new { file = (object?)null, first = JsonNode.Parse(Digits(Max + 1)) };
        var response = await writer.PostUploadAsync(Query, variables, [new UploadFile("variables.file", [1, 2, 3], "a.bin")]);

        AssertRefused(response, Max + 1);
    }

    private static string Digits(int length) => "1" + new string('0', length - 1);

    private static void AssertRefused(GraphQLResponse response, int length)
    {
        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_REQUEST", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains($"{length} characters long", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
