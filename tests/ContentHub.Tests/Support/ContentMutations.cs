using System.Text.Json.Nodes;

namespace ContentHub.Tests.Support;

/// <summary>Mutations any content type has, as an editor's front end sends them.</summary>
public static class ContentMutations
{
    /// <summary>Creates an item of <paramref name="typeName"/> (e.g. <c>Category</c>) and publishes it; returns its id and version.</summary>
    public static async Task<JsonNode> CreatePublishedAsync(HttpClient editor, string typeName, object input)
    {
        var field = char.ToLowerInvariant(typeName[0]) + typeName[1..];
        var created = await RunAsync(editor, $"create{typeName}", field, $"mutation($input: {typeName}Input!) {{ create{typeName}(input: $input)", new { input });
        return await RunAsync(editor, $"publish{typeName}", field, $"mutation($id: ID!, $version: Int!) {{ publish{typeName}(id: $id, version: $version)",
            new { id = created["id"]!.GetValue<string>(), version = created["version"]!.GetValue<int>() });
    }

    private static async Task<JsonNode> RunAsync(HttpClient editor, string mutation, string field, string call, object variables)
    {
        var payload = (await editor.PostQueryAsync($"{call} {{ {field} {{ id version }} errors {{ field code message }} }} }}", variables))
            .AssertData()[mutation]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"{mutation} refused: {payload["errors"]!.ToJsonString()}");
        return payload[field]!;
    }
}
