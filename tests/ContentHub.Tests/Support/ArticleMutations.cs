using System.Text.Json.Nodes;

namespace ContentHub.Tests.Support;

/// <summary>Article mutations as an editor's front end sends them, asserting the payload's error state.</summary>
public static class ArticleMutations
{
    public const string Fields = "id slug title summary status version tags publishedAt category { slug } disclaimers { key }";

    public static async Task<JsonNode> CreateAsync(HttpClient editor, object input)
    {
        var payload = (await editor.PostQueryAsync(
            $"mutation($input: ArticleInput!) {{ createArticle(input: $input) {{ article {{ {Fields} }} errors {{ field code message }} }} }}",
            new { input })).AssertData()["createArticle"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["article"]!;
    }

    /// <summary>Runs <paramref name="mutation"/> on <paramref name="article"/> with the version it was read at.</summary>
    public static async Task<JsonNode> MutateAsync(
        HttpClient editor, string mutation, JsonNode article, object? input = null, bool expectErrors = false, string? extra = null)
    {
        var arguments = $"id: $id, version: $version{(input is null ? "" : ", input: $input")}{(extra is null ? "" : ", " + extra)}";
        var payload = (await editor.PostQueryAsync(
            $"mutation($id: ID!, $version: Int!{(input is null ? "" : ", $input: ArticleInput!")}) {{ {mutation}({arguments}) {{ article {{ {Fields} }} errors {{ field code message }} currentVersion }} }}",
            Variables(article["id"]!.GetValue<string>(), article["version"]!.GetValue<int>(), input))).AssertData()[mutation]!;
        Assert.Equal(expectErrors, payload["errors"]!.AsArray().Count > 0);
        return payload;
    }

    private static object Variables(string id, int version, object? input) =>
        input is null ? new { id, version } : new { id, version, input };
}
