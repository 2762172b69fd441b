using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContentHub.Server.Access;
using ContentHub.Server.GraphQL;
using ContentHub.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContentHub.Tests.Http;

/// <summary>Repeated documents are parsed and validated once, yet the limits still see each request's variables.</summary>
public sealed class DocumentCacheTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private const string Pages = "query Pages($after: String) { articles(first: 2, after: $after) { pageInfo { endCursor } } }";
    private const string NestedLists = "query Nested($n: Int!) { categories { articles(first: $n) { category { articles(first: $n) { title } } } } }";

    private DocumentCache Cache => factory.Services.GetRequiredService<DocumentCache>();

    [Fact]
    public async Task Should_keep_one_parsed_document_for_a_repeated_query()
    {
        const string query = "query Repeated { site { name tagline } }";
        var client = factory.CreateClient();

        (await client.PostQueryAsync(query)).AssertData();
        var afterFirst = Cache.Count;
        (await client.PostQueryAsync(query)).AssertData();

        Assert.Equal(afterFirst, Cache.Count);
        Assert.True(afterFirst >= 1);
    }

    [Fact]
    public async Task Should_check_each_operation_of_a_cached_document()
    {
        const string document = "query A { site { name } } subscription B { x }";
        var client = factory.CreateClient();
        var first = await client.PostAsJsonAsync("/graphql", new { query = document, operationName = "A" });
        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);

        var response = await GraphQLResponse.ReadAsync(await client.PostAsJsonAsync("/graphql", new { query = document, operationName = "B" }));

        Assert.Equal("OPERATION_NOT_SUPPORTED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_a_kept_documents_mutation_sent_with_get()
    {
        const string document = """query A { site { name } } mutation B { publishArticle(id: "QXJ0aWNsZTox", version: 1) { errors { code } } }""";
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/graphql", new { query = document, operationName = "A" })).EnsureSuccessStatusCode();
        Assert.NotNull(Cache.Find(document));

        var query = await client.GetAsync($"/graphql?query={Uri.EscapeDataString(document)}&operationName=A");
        var mutation = await client.GetAsync($"/graphql?query={Uri.EscapeDataString(document)}&operationName=B");

        Assert.Equal(System.Net.HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_variables_sent_with_a_cached_document_that_declares_none()
    {
        const string query = "query NoVariables { site { name } }";
        var client = factory.CreateClient();
        (await client.PostQueryAsync(query)).AssertData();

        var refused = await client.PostQueryAsync(query, new { first = 1 });

        Assert.Equal(400, refused.Status);
        Assert.Equal("VARIABLE_NOT_DECLARED", refused.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ site { name } __schema { queryType { name } } }")]
    [InlineData("{ site { name } ... on Query { __type(name: \"Article\") { name } } }")]
    [InlineData("{ ...F } fragment F on Query { site { name } ... on Query { __schema { types { name } } } }")]
    public async Task Should_check_again_for_each_caller_a_cached_document_that_introspects(string query)
    {
        using var editorsOnly = factory.WithWebHostBuilder(builder => builder.UseSetting("GraphQL:Introspection", "Editors"));
        var (_, token) = await editorsOnly.Services.GetRequiredService<ApiKeyStore>().CreateAsync("IDE user", ApiKeyRole.Editor, CancellationToken.None);
        var editor = editorsOnly.CreateClient();
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await editor.PostQueryAsync(query)).AssertData();

        var anonymous = await editorsOnly.CreateClient().PostQueryAsync(query);

        Assert.Equal(400, anonymous.Status);
        Assert.Equal("INTROSPECTION_DISABLED", anonymous.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_refuse_undeclared_variables_sent_with_a_cached_document_that_takes_a_cursor()
    {
        var client = factory.CreateClient();
        var cursor = (await client.PostQueryAsync(Pages)).AssertData()["articles"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        (await client.PostQueryAsync(Pages, new { after = cursor })).AssertData();

        var refused = await client.PostQueryAsync(Pages, new { after = cursor, first = 100 });

        Assert.Equal(400, refused.Status);
        Assert.Equal("VARIABLE_NOT_DECLARED", refused.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_still_check_the_type_of_a_cursor_sent_with_a_cached_document()
    {
        var client = factory.CreateClient();
        (await client.PostQueryAsync(Pages)).AssertData();

        var refused = await client.PostQueryAsync(Pages, new { after = new { not = "a cursor" } });

        Assert.Equal(400, refused.Status);
        Assert.Null(refused.Data);
        Assert.Equal("INVALID_VALUE", refused.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_price_again_a_cached_document_whose_variable_turns_a_page_into_a_scan()
    {
        // Counting the matches of a text search reads every article: eleven such counts exceed the budget, eleven plain counts do not.
        var counts = string.Join(" ", Enumerable.Range(1, 11).Select(i => $"c{i}: articles(filter: {{ search: $text }}) {{ totalCount }}"));
        var query = $"query Counts($text: String) {{ {counts} }}";
        var client = factory.CreateClient();
        (await client.PostQueryAsync(query, new { text = (string?)null })).AssertData();

        var refused = await client.PostQueryAsync(query, new { text = "pain" });

        Assert.Equal(400, refused.Status);
        Assert.Equal("COMPLEXITY_LIMIT_EXCEEDED", refused.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(100, "COMPLEXITY_LIMIT_EXCEEDED")]
    [InlineData(101, "PAGE_SIZE_LIMIT_EXCEEDED")]
    public async Task Should_refuse_a_cached_query_sent_with_a_larger_first(int first, string code)
    {
        var client = factory.CreateClient();
        (await client.PostQueryAsync(NestedLists, new { n = 1 })).AssertData();

        var refused = await client.PostQueryAsync(NestedLists, new { n = first });

        Assert.Equal(400, refused.Status);
        Assert.Contains(refused.Errors!, error => error!["extensions"]!["code"]!.GetValue<string>() == code);
    }
}
