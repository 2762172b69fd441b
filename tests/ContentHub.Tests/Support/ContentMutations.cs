using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json.Nodes;
using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Runs <paramref name="mutation"/> (e.g. <c>unpublishDisclaimer</c>) on an item of <paramref name="typeName"/> at the
    /// version it was read at; returns the payload: the item's id and version, or the errors.
    /// </summary>
    public static async Task<JsonNode> MutateAsync(HttpClient editor, string typeName, string mutation, JsonNode item, object? input = null, string? extra = null)
    {
        var field = char.ToLowerInvariant(typeName[0]) + typeName[1..];
        var arguments = $"id: $id, version: $version{(input is null ? "" : ", input: $input")}{(extra is null ? "" : ", " + extra)}";
        return (await editor.PostQueryAsync(
            $"mutation($id: ID!, $version: Int!{(input is null ? "" : $", $input: {typeName}Input!")}) {{ {mutation}({arguments}) {{ {field} {{ id version }} errors {{ field code message }} }} }}",
            Variables(item, input))).AssertData()[mutation]!;
    }

    /// <summary>
    /// Runs <c>{operation}{Type}</c> (e.g. <c>archiveArticle</c>) on the item of <typeparamref name="TEntity"/> that
    /// <paramref name="which"/> picks in <paramref name="factory"/>'s database, at its current version; asserts it is accepted.
    /// </summary>
    public static async Task MutateWhereAsync<TEntity>(
        ContentHubFactory factory, HttpClient editor, Expression<Func<TEntity, bool>> which, string operation, object? input = null)
        where TEntity : ContentItem
    {
        TEntity item;
        await using (var db = factory.CreateDbContext())
        {
            item = await db.Set<TEntity>().AsNoTracking().SingleAsync(which);
        }

        var typeName = typeof(TEntity).Name;
        var payload = await MutateAsync(editor, typeName, operation + typeName,
            new JsonObject { ["id"] = item.Id.ToString(CultureInfo.InvariantCulture), ["version"] = item.Version }, input);
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"{operation}{typeName} refused: {payload["errors"]!.ToJsonString()}");
    }

    private static Dictionary<string, object?> Variables(JsonNode item, object? input)
    {
        var variables = new Dictionary<string, object?> { ["id"] = item["id"]!.GetValue<string>(), ["version"] = item["version"]!.GetValue<int>() };
        if (input is not null)
        {
            variables["input"] = input;
        }
        return variables;
    }

    private static async Task<JsonNode> RunAsync(HttpClient editor, string mutation, string field, string call, object variables)
    {
        var payload = (await editor.PostQueryAsync($"{call} {{ {field} {{ id version }} errors {{ field code message }} }} }}", variables))
            .AssertData()[mutation]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"{mutation} refused: {payload["errors"]!.ToJsonString()}");
        return payload[field]!;
    }
}
