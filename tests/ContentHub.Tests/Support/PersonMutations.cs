using System.Text.Json.Nodes;

namespace ContentHub.Tests.Support;

/// <summary>Person mutations as an admin's front end sends them, asserting they succeed.</summary>
public static class PersonMutations
{
    public const string PersonFields = "slug name credentials specialty licenceNumber profile status";

    public static async Task<JsonNode> CreatePersonAsync(HttpClient admin, object input)
    {
        var payload = (await admin.PostQueryAsync(
            $"mutation($input: PersonInput!) {{ createPerson(input: $input) {{ person {{ id version {PersonFields} }} errors {{ field code message }} }} }}",
            new { input })).AssertData()["createPerson"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["person"]!;
    }

    public static async Task PublishAsync(HttpClient admin, JsonNode person)
    {
        var payload = (await admin.PostQueryAsync(
            "mutation($id: ID!, $version: Int!) { publishPerson(id: $id, version: $version) { errors { code } } }",
            new { id = person["id"]!.GetValue<string>(), version = person["version"]!.GetValue<int>() })).AssertData()["publishPerson"]!;
        Assert.Empty(payload["errors"]!.AsArray());
    }

    /// <summary>A published person with <paramref name="name"/>; its slug is made from the name.</summary>
    public static async Task<JsonNode> CreatePublishedPersonAsync(HttpClient admin, string name, string? credentials = null)
    {
        var person = await CreatePersonAsync(admin, new { name, credentials });
        await PublishAsync(admin, person);
        return person;
    }
}
