using System.Text.Json.Nodes;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>
/// IDEs and code generators introspect the schema with a query up to 15 levels deep (graphql-js's), with whichever options they turn on;
/// the limits must let it through, and still refuse introspection that multiplies itself.
/// </summary>
public sealed class IntrospectionTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    // The introspection query GraphiQL and Banana Cake Pop send, with its 8-level nested TypeRef.
    private const string IdeIntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task Should_answer_the_ides_introspection_query()
    {
        var data = (await factory.CreateClient().PostQueryAsync(IdeIntrospectionQuery)).AssertData();

        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        Assert.Contains(data["__schema"]!["types"]!.AsArray(), type => type!["name"]!.GetValue<string>() == "Article");
    }

    [Theory]
    [InlineData("graphql-js-every-option.graphql")]
    [InlineData("banana-cake-pop.graphql")]
    public async Task Should_answer_the_introspection_queries_of_clients_with_every_option_on(string file)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Http", "Introspection", file));

        var schema = (await factory.CreateClient().PostQueryAsync(query)).AssertData()["__schema"]!;

        var types = schema["types"]!.AsArray().Select(type => type!.AsObject()).ToList();
        Assert.All(types, type => Assert.True(type.ContainsKey("specifiedByURL") && type.ContainsKey("isOneOf"), type.ToJsonString()));
        Assert.False(types.Single(type => type["name"]!.GetValue<string>() == "ArticleInput")["isOneOf"]!.GetValue<bool>());
        Assert.Contains(types, type => type["inputFields"] is JsonArray { Count: > 0 } fields && fields.All(field => field!["isDeprecated"]!.GetValue<bool>() == false));
        var directives = schema["directives"]!.AsArray();
        Assert.Contains(directives, directive => directive!["name"]!.GetValue<string>() == "deprecated" && directive["isRepeatable"]!.GetValue<bool>() == false);
        Assert.All(directives, directive => Assert.All(directive!["args"]!.AsArray(), argument => Assert.False(argument!["isDeprecated"]!.GetValue<bool>())));
    }

    [Theory]
    // graphql-js's own example of a circular introspection query
    [InlineData("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }")]
    [InlineData("""{ __type(name: "Article") { fields { type { ofType { fields { type { ofType { fields { name } } } } } } } } }""")]
    [InlineData("{ __schema { types { interfaces { possibleTypes { inputFields { name } } } } } }")]
    [InlineData("{ __schema { types { ...F } } } fragment F on __Type { fields { type { ...G } } } fragment G on __Type { fields { type { ...H } } } fragment H on __Type { fields { name } }")]
    [InlineData("query Q { ...Root } fragment Root on Query { __schema { types { ... on __Type { fields { type { inputFields { type { possibleTypes { name } } } } } } } } }")]
    public async Task Should_refuse_introspection_that_nests_lists_of_the_schema_three_deep(string query)
    {
        var response = await factory.CreateClient().PostQueryAsync(query);

        Assert.Equal(400, response.Status);
        Assert.Equal("INTROSPECTION_TOO_DEEP", Assert.Single(response.Errors!)!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_introspection_that_nests_lists_of_the_schema_two_deep()
    {
        const string Query = """
            { __type(name: "Article") { fields { name type { ofType { name fields { name } } } } } }
            """;

        var fields = (await factory.CreateClient().PostQueryAsync(Query)).AssertData()["__type"]!["fields"]!.AsArray();

        var body = fields.Single(field => field!["name"]!.GetValue<string>() == "body")!["type"]!["ofType"]!;
        Assert.Equal("RichText", body["name"]!.GetValue<string>());
        Assert.Contains(body["fields"]!.AsArray(), field => field!["name"]!.GetValue<string>() == "outline");
    }

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("""{ __type(name: "Article") { name } }""")]
    [InlineData("query Q { site { name } ...F } fragment F on Query { __schema { types { name } } }")]
    public async Task Should_refuse_introspection_to_anonymous_callers_when_it_is_for_editors_only(string query)
    {
        using var editorsOnly = factory.WithWebHostBuilder(builder => builder.UseSetting("GraphQL:Introspection", "Editors"));
        var client = editorsOnly.CreateClient();
        (await client.PostQueryAsync("{ site { __typename name } }")).AssertData();

        var response = await client.PostQueryAsync(query);

        Assert.Equal(400, response.Status);
        Assert.Equal("INTROSPECTION_DISABLED", response.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
