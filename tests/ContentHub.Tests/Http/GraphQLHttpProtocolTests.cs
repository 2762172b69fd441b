using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>GraphQL over HTTP as the spec asks: methods, media types, status codes and request errors.</summary>
public sealed class GraphQLHttpProtocolTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private const string Query = "{ site { name } }";

    [Fact]
    public async Task Should_answer_a_post_with_graphql_response_json()
    {
        var response = await factory.CreateClient().PostQueryAsync(Query);

        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal("Back to Life Blog", response.AssertData()["site"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_in_application_json_to_clients_that_accept_only_that()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", JsonBody(Query), accept: "application/json");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.NotNull(response.Data?["site"]);
    }

    [Fact]
    public async Task Should_run_a_query_sent_with_get()
    {
        var response = await SendAsync(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("query Named($slug: String!) { article(slug: $slug) { title } }")
            + "&operationName=Named&variables=" + Uri.EscapeDataString("""{"slug":"revision-surgery"}"""));

        Assert.Equal("Revision Surgery", response.AssertData()["article"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_mutation_sent_with_get()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { x }"));

        Assert.Equal(405, response.Status);
    }

    [Theory]
    [InlineData("{ \"query\": ", "not a GraphQL request in JSON")]
    [InlineData("{ \"operationName\": \"x\" }", "no 'query'")]
    [InlineData("{ \"query\": \"{ site { name } }\", \"variables\": [1] }", "not a GraphQL request in JSON")]
    public async Task Should_answer_400_with_a_clear_message_to_a_malformed_request(string body, string message)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_REQUEST", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(message, response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_400_to_a_get_with_malformed_variables()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(Query) + "&variables=%7Bnope");

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_REQUEST", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_400_with_a_code_to_a_syntax_error()
    {
        var response = await factory.CreateClient().PostQueryAsync("{ site { name }");

        Assert.Equal(400, response.Status);
        Assert.Equal("SYNTAX_ERROR", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Should_answer_400_with_a_code_to_a_document_nested_too_deeply_to_parse()
    {
        var nested = new string('[', 200) + "1" + new string(']', 200);

        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString($"{{ site(a: {nested}) {{ name }} }}"));

        Assert.Equal(400, response.Status);
        Assert.Equal("MAX_DEPTH_EXCEEDED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("The document is nested too deeply to parse.", response.Errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_400_to_an_operation_type_the_schema_lacks()
    {
        var response = await factory.CreateClient().PostQueryAsync("subscription { x }");

        Assert.Equal(400, response.Status);
        Assert.Equal("OPERATION_NOT_SUPPORTED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("This API has no subscription operations.", response.Errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_count_articles_when_total_count_is_aliased()
    {
        var data = (await factory.CreateClient().PostQueryAsync("{ articles { total: totalCount } }")).AssertData();

        Assert.Equal(1, data["articles"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_answer_api_clients_at_the_ide_address_with_graphql()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql/?query=" + Uri.EscapeDataString(Query), accept: "application/json");

        Assert.Equal("Back to Life Blog", response.AssertData()["site"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_400_with_a_code_to_a_validation_error()
    {
        var response = await factory.CreateClient().PostQueryAsync("{ site { nope } }");

        Assert.Equal(400, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Errors![0]!["extensions"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_answer_200_to_a_validation_error_for_legacy_json_clients()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", JsonBody("{ site { nope } }"), accept: "application/json");

        Assert.Equal(200, response.Status);
        Assert.NotNull(response.Errors);
    }

    [Fact]
    public async Task Should_answer_a_validation_error_to_an_ambiguous_article_lookup()
    {
        var response = await factory.CreateClient().PostQueryAsync("""{ article(id: "1", slug: "revision-surgery") { title } }""");

        Assert.Equal("VALIDATION", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_415_to_a_body_that_is_not_json()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new StringContent("query=" + Query, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(415, response.Status);
    }

    [Fact]
    public async Task Should_answer_406_to_a_client_that_accepts_no_json()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", JsonBody(Query), accept: "text/plain");

        Assert.Equal(406, response.Status);
    }

    [Theory]
    [InlineData("application/graphql-response+json;q=0.5, application/json;q=0.9", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json", "application/json")]
    [InlineData("text/html, */*;q=0.1", "application/json")]
    [InlineData("application/graphql-response+json;q=0, application/*;q=0.2", "application/json")]
    public async Task Should_answer_in_the_accepted_media_type_of_highest_quality(string accept, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonBody(Query) };
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_answer_406_when_every_json_type_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonBody(Query) };
        request.Headers.TryAddWithoutValidation("Accept", "application/json;q=0, text/html");

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Should_read_a_body_that_arrives_in_pieces_with_characters_cut_between_them()
    {
        // A comment of three-byte characters makes the body longer than one of the request pipe's 4 KB buffers, and
        // the 5-byte pieces cut characters in two.
        var query = "# " + new string('腰', 1500) + "\nquery($slug: String!) { article(slug: $slug) { title } }";
        var body = new JsonObject { ["query"] = query, ["variables"] = new JsonObject { ["slug"] = "revision-surgery" } }.ToJsonString();
        var response = await factory.CreateClient().PostChunkedAsync(body, chunkSize: 5);

        Assert.Equal("Revision Surgery", response.AssertData()["article"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(4080)]
    [InlineData(4086)]
    [InlineData(4090)]
    public async Task Should_read_a_number_that_arrives_cut_between_buffers_whole(int numberAt)
    {
        // The 20-digit number (beyond a 64-bit integer) starts at byte numberAt, so the 4 KB buffers cut it.
        const string Number = "99999999999999999999";
        var head = """{"query":"# """;
        const string Operation = """\nquery($first: Int) { articles(first: $first) { totalCount } }","variables":{"first":""";
        var body = head + new string('x', numberAt - head.Length - Operation.Length) + Operation + Number + "}}";
        var response = await factory.CreateClient().PostChunkedAsync(body, chunkSize: 5);

        Assert.Equal(numberAt, body.IndexOf(Number, StringComparison.Ordinal));
        Assert.Contains(Number, response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal); // not read as 1E+20
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Should_answer_405_to_other_methods(string method)
    {
        var response = await SendAsync(new HttpMethod(method), "/graphql", JsonBody(Query));

        Assert.Equal(405, response.Status);
    }

    [Fact]
    public async Task Should_not_leak_exception_details_of_a_bad_cursor()
    {
        var response = await factory.CreateClient().PostQueryAsync("""{ articles(after: "not-a-cursor") { totalCount } }""");

        var error = response.Errors![0]!;
        Assert.Equal("VALIDATION", error["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Should_report_healthy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static StringContent JsonBody(string query) =>
        new(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, HttpContent? content = null, string accept = GraphQLClient.ResponseMediaType)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        using var response = await factory.CreateClient().SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }
}
