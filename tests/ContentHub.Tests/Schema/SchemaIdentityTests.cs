using ContentHub.Tests.Support;

namespace ContentHub.Tests.Schema;

/// <summary>
/// Apollo Client, urql's graphcache and Relay store objects by <c>__typename</c> and <c>id</c> (Apollo also by
/// <c>_id</c>): two objects of a type with the same <c>id</c> become one. So a type has an <c>id</c> field only
/// when it names one item of that type everywhere; values unique within a parent (heading anchors, list
/// positions) go by other names. Adding an <c>id</c> to a type means adding it to this list, deliberately.
/// </summary>
public sealed class SchemaIdentityTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private static readonly string[] s_typesWithIds = ["Article", "Asset", "AuditEntry", "Category", "Disclaimer", "Fact", "Person", "Promotion", "WebhookDelivery", "WebhookEndpoint"];

    [Fact]
    public async Task Should_give_an_id_field_only_to_types_whose_items_it_identifies()
    {
        const string Query = "{ __schema { types { name kind fields { name type { kind } } } } }";

        var types = (await factory.CreateClient().PostQueryAsync(Query)).AssertData()["__schema"]!["types"]!.AsArray()
            .Where(type => type!["kind"]!.GetValue<string>() is "OBJECT" or "INTERFACE" && !type["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal))
            .ToList();

        var withIds = types
            .Where(type => type!["fields"]!.AsArray().Any(field => field!["name"]!.GetValue<string>() is "id" or "_id"))
            .ToList();
        Assert.Equal(s_typesWithIds, withIds.Select(type => type!["name"]!.GetValue<string>()).Order());
        // A key that may be missing is no key.
        Assert.All(withIds, type => Assert.Equal("NON_NULL", type!["fields"]!.AsArray().Single(field => field!["name"]!.GetValue<string>() == "id")!["type"]!["kind"]!.GetValue<string>()));
    }
}
