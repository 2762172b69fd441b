using System.Text;
using System.Text.Json.Nodes;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>Every limit lets a request at its value through and refuses one past it with a 400 naming the limit.</summary>
public sealed class QueryLimitsTests(QueryLimitsTests.SmallLimitsFactory factory) : IClassFixture<QueryLimitsTests.SmallLimitsFactory>
{
    public sealed class SmallLimitsFactory() : ContentHubFactory(
        ("GraphQL:MaxDepth", "11"),
        ("GraphQL:MaxComplexity", "600"),
        ("GraphQL:MaxAliases", "3"),
        ("GraphQL:MaxDirectives", "2"),
        ("GraphQL:MaxTokens", "500"),
        ("GraphQL:MaxQueryLength", "5000"),
        ("GraphQL:MaxRequestBodyBytes", "10000"),
        ("GraphQL:MaxPageSize", "5"),
        ("GraphQL:MaxSelections", "1000"));

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public async Task Should_limit_depth(int depth, bool allowed)
    {
        // category(1) parent(2..depth-1) name(depth)
        var query = "{ category(slug: \"spine-surgery\") { " + Repeat("parent { ", depth - 2) + "name" + Repeat(" }", depth - 2) + " } }";

        await AssertLimitAsync(query, allowed, "DEPTH_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Should_name_the_depth_and_its_limit_when_refusing_a_deep_query()
    {
        var response = await factory.CreateClient().PostQueryAsync("{ category(slug: \"spine-surgery\") { " + Repeat("parent { ", 10) + "name" + Repeat(" }", 10) + " } }");

        AssertOutcome(response, allowed: false, "DEPTH_LIMIT_EXCEEDED");
        Assert.Equal("The query is 12 levels deep; the limit is 11.", Message(response));
    }

    [Fact]
    public async Task Should_report_the_cost_of_a_costly_query_exactly_at_the_depth_limit()
    {
        // Eleven levels, the limit, and a cost far past 600: the error names the limit the query went past.
        const string Query = "{ categories { articles(first: 5) { category { articles(first: 5) { category { articles(first: 5) { "
            + "category { parent { parent { parent { name } } } } } } } } } } }";

        var response = await factory.CreateClient().PostQueryAsync(Query);

        AssertOutcome(response, allowed: false, "COMPLEXITY_LIMIT_EXCEEDED");
        Assert.Matches(@"^The query's estimated cost is \d+; the limit is 600\. Ask for fewer items \(first\) or fewer fields\.$", Message(response));
    }

    [Fact]
    public async Task Should_price_a_total_count_under_a_text_search_as_a_scan_but_not_the_page_beside_it()
    {
        // A scan costs 2,500, past this factory's budget of 600; a page of five matches costs a few fields each.
        await AssertLimitAsync("""{ articles(first: 5, filter: { search: "spine" }) { items { title slug } } }""", true, "COMPLEXITY_LIMIT_EXCEEDED");
        await AssertLimitAsync("""{ articles(first: 1, filter: { search: "spine" }) { totalCount } }""", false, "COMPLEXITY_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Should_not_price_introspection_by_list_sizes()
    {
        // What an IDE asks for on start: each type's fields, their arguments and types. Priced like content, the
        // nested lists would multiply it far past this factory's budget of 600.
        await AssertLimitAsync(
            "{ __schema { types { name kind fields { name args { name type { name kind ofType { name kind } } } type { name kind ofType { name kind } } } } } }",
            true, "COMPLEXITY_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public async Task Should_limit_selections_with_fragments_expanded(int selections, bool allowed)
    {
        // site (1) + nine spreads of F, each two spreads of G's 50 fields (900) + the rest written out.
        var query = "{ site { " + Repeat("...F ", 9) + Repeat("name ", selections - 901) + "} }"
            + " fragment F on SiteSettings { ...G ...G } fragment G on SiteSettings { " + Repeat("name ", 50) + "}";
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("GraphQL:MaxComplexity", "100000"));

        var response = await app.CreateClient().PostQueryAsync(query);

        AssertOutcome(response, allowed, "SELECTION_LIMIT_EXCEEDED");
        if (!allowed)
        {
            Assert.Equal("The document selects more than 1000 fields once its fragments are expanded.", Message(response));
        }
    }

    [Fact]
    public async Task Should_count_every_operation_of_a_document_not_only_the_one_asked_for()
    {
        // Big expands to 1 + 11 × 100 fields; asking for Small does not make the document smaller.
        var query = "query Small { site { name } } query Big { site { ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F ...F } }"
            + " fragment F on SiteSettings { ...G ...G } fragment G on SiteSettings { " + Repeat("name ", 50) + "}";

        var response = await PostAsync(new JsonObject { ["query"] = query, ["operationName"] = "Small" }.ToJsonString());

        AssertOutcome(response, allowed: false, "SELECTION_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Should_refuse_a_fan_out_past_the_range_of_a_count()
    {
        // 64 levels that each double: 2^64 fields, which no 64-bit count holds.
        var fragments = Enumerable.Range(0, 63).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}");
        var query = "{ ...F0 } " + string.Join(' ', fragments) + " fragment F63 on Query { site { name } }";
        using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("GraphQL:MaxTokens", "1000"));

        AssertOutcome(await app.CreateClient().PostQueryAsync(query), allowed: false, "SELECTION_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Should_leave_unknown_fragments_to_validation_however_often_they_are_spread()
    {
        // Thirty levels that each double, down to two spreads of a fragment that does not exist: nothing to count,
        // 2^31 spreads if walked without remembering what each fragment came to.
        var fragments = Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}");
        var query = "{ ...F0 } " + string.Join(' ', fragments) + " fragment F30 on Query { ...Missing ...Missing }";

        var response = await factory.CreateClient().PostQueryAsync(query);

        AssertOutcome(response, allowed: false, "KNOWN_FRAGMENT_NAMES");
    }

    [Fact]
    public async Task Should_refuse_exponential_fragment_fan_out_before_validating_it()
    {
        // 1 KB that doubles per level: 2^30 fields if expanded; validating it would take hours.
        var fragments = Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ site {{ name }} ...F{i + 1} ...F{i + 1} }}");
        var query = "query { ...F0 } " + string.Join(' ', fragments) + " fragment F30 on Query { site { name } }";

        await AssertLimitAsync(query, allowed: false, "SELECTION_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public async Task Should_limit_aliases_including_typename_aliases(int count, bool allowed)
    {
        var query = "{ site { " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"t{i}: __typename")) + " } }";

        await AssertLimitAsync(query, allowed, "ALIAS_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public async Task Should_limit_directives(int count, bool allowed)
    {
        var fields = new[] { "name", "tagline", "publisher", "copyright" };
        var query = "{ site { " + string.Join(' ', fields.Take(count).Select(field => $"{field} @include(if: true)")) + " } }";

        await AssertLimitAsync(query, allowed, "DIRECTIVE_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public async Task Should_limit_page_size_inline_and_in_variables(int first, bool allowed)
    {
        await AssertLimitAsync($"{{ articles(first: {first}) {{ totalCount }} }}", allowed, "PAGE_SIZE_LIMIT_EXCEEDED");
        await AssertLimitAsync("query($n: Int) { articles(first: $n) { totalCount } }", allowed, "PAGE_SIZE_LIMIT_EXCEEDED", new { n = first });
    }

    [Fact]
    public async Task Should_limit_complexity_by_list_size()
    {
        // Each level of a list multiplies what is under it by its `first`: three levels of five pass 600.
        await AssertLimitAsync("{ articles(first: 5) { edges { node { title slug } } } }", true, "COMPLEXITY_LIMIT_EXCEEDED");
        await AssertLimitAsync(
            "{ categories { articles(first: 5) { category { articles(first: 5) { category { articles(first: 5) { title } } } } } } }",
            false, "COMPLEXITY_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public async Task Should_limit_tokens(int tokens, bool allowed)
    {
        // "{ site { name } }" is 6 tokens (the end of input not counted); each extra "name" adds one.
        var query = "{ site { name " + Repeat("name ", tokens - 6) + "} }";

        var response = await PostAsync(new JsonObject { ["query"] = query }.ToJsonString());

        Assert.True(query.Length < 5000);
        AssertOutcome(response, allowed, "TOKEN_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public async Task Should_count_every_kind_of_token_once(int tokens, bool allowed)
    {
        // 40 tokens with the closing brace: a string with an escaped quote, a block string with an escaped """,
        // numbers, aliases, spreads; the comment, commas and white space are not tokens.
        const string Head = "query Q # a comment, 'not' \"tokens\"\n"
            + "{ a: articles(first: 1, filter: { category: \"a \\\" b\" }) { totalCount } "
            + "b: article(slug: \"\"\"block \\\"\"\" string\"\"\") { ...F } } fragment F on Article { ";
        var query = Head + Repeat("id ", tokens - 40) + "}";

        var response = await PostAsync(new JsonObject { ["query"] = query }.ToJsonString());

        AssertOutcome(response, allowed, "TOKEN_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(5000, true)]
    [InlineData(5001, false)]
    public async Task Should_limit_query_length(int length, bool allowed)
    {
        var query = "{ site { name } }" + new string(' ', length - "{ site { name } }".Length);

        var response = await PostAsync(new JsonObject { ["query"] = query }.ToJsonString());

        AssertOutcome(response, allowed, "QUERY_LENGTH_LIMIT_EXCEEDED");
        if (!allowed)
        {
            Assert.Equal("The query and operation name are 5001 characters long; the limit is 5000.", Message(response));
        }
    }

    [Fact]
    public async Task Should_count_the_operation_name_in_the_query_length()
    {
        var query = "query Q { site { name } }";

        var response = await PostAsync(new JsonObject { ["query"] = query, ["operationName"] = new string('Q', 5000 - query.Length + 1) }.ToJsonString());

        AssertOutcome(response, allowed: false, "QUERY_LENGTH_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(10000, true)]
    [InlineData(10001, false)]
    public async Task Should_limit_the_request_body(int bytes, bool allowed)
    {
        var envelope = new JsonObject { ["query"] = "{ site { name } }", ["extensions"] = new JsonObject { ["padding"] = "" } }.ToJsonString();
        var body = envelope.Replace("\"padding\":\"\"", "\"padding\":\"" + new string('x', bytes - envelope.Length) + "\"", StringComparison.Ordinal);

        var response = await PostAsync(body);

        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(body));
        AssertOutcome(response, allowed, "BODY_SIZE_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData(10000, true)]
    [InlineData(10001, false)]
    public async Task Should_limit_a_chunked_body_by_its_decoded_size(int bytes, bool allowed)
    {
        var envelope = new JsonObject { ["query"] = "{ site { name } }", ["extensions"] = new JsonObject { ["padding"] = "" } }.ToJsonString();
        var body = envelope.Replace("\"padding\":\"\"", "\"padding\":\"" + new string('x', bytes - envelope.Length) + "\"", StringComparison.Ordinal);
        // Small chunks: their framing must not count against the limit.
        var response = await factory.CreateClient().PostChunkedAsync(body, chunkSize: 100);

        AssertOutcome(response, allowed, "BODY_SIZE_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Should_count_numbers_as_the_parser_reads_them()
    {
        // "0-0-…-0" is 490 numbers to the parser (0, -0, -0, …): 502 tokens in all.
        var query = "{ site(a: [" + Repeat("0-", 489) + "0]) { name } }";

        await AssertLimitAsync(query, allowed: false, "TOKEN_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-1.5")]
    [InlineData("-2")]
    [InlineData("1.5e+3")]
    [InlineData("2E-3")]
    [InlineData("0.25e3")]
    public async Task Should_count_a_number_of_any_form_as_one_token(string number)
    {
        // "{ site(a: N) { name … } }" is 11 tokens with one "name"; the unknown argument fails validation later.
        var atLimit = await factory.CreateClient().PostQueryAsync("{ site(a: " + number + ") { name " + Repeat("name ", 489) + "} }");
        var pastLimit = await factory.CreateClient().PostQueryAsync("{ site(a: " + number + ") { name " + Repeat("name ", 490) + "} }");

        Assert.NotEqual("TOKEN_LIMIT_EXCEEDED", atLimit.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        AssertOutcome(pastLimit, allowed: false, "TOKEN_LIMIT_EXCEEDED");
        Assert.Equal("The query has more than 500 tokens.", Message(pastLimit));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\r\n")]
    [InlineData("\uFEFF")]
    [InlineData(",")]
    public async Task Should_not_count_ignored_characters_as_tokens(string separator)
    {
        var query = "{" + separator + "site" + separator + "{" + separator + string.Concat(Enumerable.Repeat("name" + separator, 496)) + "}" + separator + "}";

        await AssertLimitAsync(query, allowed: false, "TOKEN_LIMIT_EXCEEDED");
    }

    [Theory]
    [InlineData("{ site { name } } # a comment ends the document")]
    [InlineData("# a comment\r{ site { name } }")]
    public async Task Should_read_a_document_that_ends_in_or_breaks_a_comment(string query)
    {
        var response = await factory.CreateClient().PostQueryAsync(query);

        Assert.Equal("Back to Life Blog", response.AssertData()["site"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ site { name")]
    [InlineData("{ site(a: 12")]
    [InlineData("{ site(a: -")]
    [InlineData("{ site(a: 1.")]
    [InlineData("{ site(a: 1e")]
    [InlineData("{ site(a: \"abc")]
    [InlineData("{ site(a: \"abc\\")]
    [InlineData("{ site(a: \"ab\ncd\") { name } }")]
    [InlineData("{ site(a: \"\"\"abc")]
    [InlineData("{ site(a: \"\"\"a \\\"\"\"")]
    [InlineData("{ ..")]
    public async Task Should_leave_a_document_that_ends_inside_a_token_to_the_parser(string query)
    {
        var response = await factory.CreateClient().PostQueryAsync(query);

        Assert.Equal(400, response.Status);
        Assert.Equal("SYNTAX_ERROR", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ ...F0 }")]
    [InlineData("{ site { name } }")] // the ring is not used: still invalid, and still refused before validation
    public async Task Should_refuse_a_ring_of_fragments(string operation)
    {
        var ring = string.Concat(Enumerable.Range(0, 50).Select(i => $"fragment F{i} on Query {{ ...F{(i + 1) % 50} }} "));

        var response = await factory.CreateClient().PostQueryAsync(operation + " " + ring);

        AssertOutcome(response, allowed: false, "NO_FRAGMENT_CYCLES");
        Assert.Equal("Fragment 'F0' spreads itself, directly or through other fragments; fragments must not form cycles.", Message(response));
    }

    [Fact]
    public async Task Should_name_the_first_fragment_found_spreading_itself()
    {
        var response = await factory.CreateClient().PostQueryAsync(
            "query A { ...F } query B { ...G } fragment F on Query { site { name } ...F } fragment G on Query { ...G }");

        AssertOutcome(response, allowed: false, "NO_FRAGMENT_CYCLES");
        Assert.StartsWith("Fragment 'F' spreads itself", Message(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_batch()
    {
        var response = await PostAsync("""[{ "query": "{ site { name } }" }, { "query": "{ site { tagline } }" }]""");

        AssertOutcome(response, allowed: false, "BATCHING_NOT_SUPPORTED");
    }

    private async Task AssertLimitAsync(string query, bool allowed, string code, object? variables = null) =>
        AssertOutcome(await factory.CreateClient().PostQueryAsync(query, variables), allowed, code);

    private static void AssertOutcome(GraphQLResponse response, bool allowed, string code)
    {
        if (allowed)
        {
            response.AssertData();
            return;
        }

        Assert.Equal(400, response.Status);
        Assert.Equal(code, response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private static string Message(GraphQLResponse response) => response.Errors![0]!["message"]!.GetValue<string>();

    private async Task<GraphQLResponse> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd(GraphQLClient.ResponseMediaType);
        using var response = await factory.CreateClient().SendAsync(request);
        return await GraphQLResponse.ReadAsync(response);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
