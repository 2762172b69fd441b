using ContentHub.Tests.Support;

namespace ContentHub.Tests.Http;

/// <summary>IDEs and code generators introspect the schema with a query 11 levels deep; the limits must let it through.</summary>
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
