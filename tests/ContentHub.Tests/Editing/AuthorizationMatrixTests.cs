using System.Text.Json.Nodes;
using ContentHub.Server.Access;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Editing;

/// <summary>
/// Every role against every editing operation in the schema: anonymous callers may run none; writers write drafts
/// (and assets), publishers publish, medical reviewers review, all of them read drafts and revisions; editors write
/// and publish; admins do all but review, and alone purge content, read the audit log and manage people and webhooks.
/// The operations come from the live schema, checked against the list below, so a new mutation cannot slip in
/// untested. (<c>uploadAsset</c> takes a file, which only a multipart request carries: <c>AssetUploadTests</c> checks its roles.)
/// </summary>
public sealed class AuthorizationMatrixTests(ContentHubFactory factory) : IClassFixture<ContentHubFactory>
{
    private static readonly string[] s_types = ["Article", "Category", "Disclaimer", "Fact", "Promotion", "Person"];

    private static readonly string[] s_webhookOperations =
    [
        "createWebhookEndpoint", "updateWebhookEndpoint", "enableWebhookEndpoint", "disableWebhookEndpoint", "deleteWebhookEndpoint",
        "rotateWebhookSecret", "redeliverWebhook", "pingWebhookEndpoint", "webhookEndpoints", "webhookDeliveries",
    ];

    /// <summary>Editors keep the asset library, purging included: purging an asset a published item shows is refused anyway.</summary>
    private static readonly string[] s_assetOperations = ["updateAsset", "deleteAsset", "restoreAsset", "purgeAsset"];

    private static readonly string[] s_reviewOperations = ["requestReview", "approveArticle", "rejectArticle", "articleDiff"];

    private static readonly string[] s_operations =
        [.. s_types.SelectMany(OperationsOf), "auditLog", "revokePreviewToken", .. s_webhookOperations, .. s_assetOperations, .. s_reviewOperations];

    public static TheoryData<string> Operations => new(s_operations);

    [Fact]
    public async Task Should_cover_every_mutation_and_editors_query_in_the_schema()
    {
        var schema = (await factory.CreateClient().PostQueryAsync(
            "{ __schema { mutationType { fields { name } } queryType { fields { name } } } }")).AssertData()["__schema"]!;
        var mutations = schema["mutationType"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>());
        var editorQueries = schema["queryType"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>())
            .Where(name => name.EndsWith("Revisions", StringComparison.Ordinal) || name is "auditLog" or "articleDiff" || name.StartsWith("webhook", StringComparison.Ordinal));

        Assert.Equal(s_operations.Append("uploadAsset").Order(), mutations.Concat(editorQueries).Order());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Should_allow_each_role_exactly_what_it_may_do(string operation)
    {
        var (document, variables) = await RequestForAsync(operation);
        var kind = KindOf(operation);

        var anonymous = await factory.CreateClient().PostQueryAsync(document, variables);
        Assert.Equal("UNAUTHENTICATED", CodeOf(anonymous));
        foreach (var (role, allowed) in s_roles)
        {
            var answer = await (await factory.CreateClientAsync(role, $"Matrix {role}")).PostQueryAsync(document, variables);
            Assert.True((allowed.Contains(kind) ? null : "FORBIDDEN") == CodeOf(answer), $"{role} running {operation} ({kind}) got {CodeOf(answer) ?? "no error"}");
        }
    }

    /// <summary>What each role may do, written out here rather than read from the server's table.</summary>
    private static readonly (ApiKeyRole Role, Kind[] Allowed)[] s_roles =
    [
        (ApiKeyRole.Writer, [Kind.Read, Kind.Write]),
        (ApiKeyRole.Publisher, [Kind.Read, Kind.Publish]),
        (ApiKeyRole.MedicalReviewer, [Kind.Read, Kind.Review]),
        (ApiKeyRole.Editor, [Kind.Read, Kind.Write, Kind.Publish]),
        (ApiKeyRole.Admin, [Kind.Read, Kind.Write, Kind.Publish, Kind.Administer]),
    ];

    private enum Kind
    {
        Read,
        Write,
        Publish,
        Review,
        Administer,
    }

    private static Kind KindOf(string operation) => operation switch
    {
        _ when operation.EndsWith("Revisions", StringComparison.Ordinal) || operation.EndsWith("PreviewToken", StringComparison.Ordinal) || operation == "articleDiff" => Kind.Read,
        "approveArticle" or "rejectArticle" => Kind.Review,
        _ when s_assetOperations.Contains(operation) => Kind.Write,
        _ when operation == "auditLog" || s_webhookOperations.Contains(operation) || operation.StartsWith("purge", StringComparison.Ordinal)
            || operation.EndsWith("Person", StringComparison.Ordinal) || operation.EndsWith("People", StringComparison.Ordinal)
            || operation == "restorePersonRevision" => Kind.Administer,
        _ when operation.StartsWith("publish", StringComparison.Ordinal) || operation.StartsWith("unpublish", StringComparison.Ordinal)
            || operation.StartsWith("archive", StringComparison.Ordinal) || operation.StartsWith("schedule", StringComparison.Ordinal) => Kind.Publish,
        _ => Kind.Write,
    };

    private static IEnumerable<string> OperationsOf(string type)
    {
        var plural = type == "Person" ? "People" : type.EndsWith('y') ? type[..^1] + "ies" : type + "s";
        var camel = char.ToLowerInvariant(type[0]) + type[1..];
        return new[] { "create", "update", "publish", "unpublish", "archive", "delete", "restore", "schedule", "purge" }
            .Select(verb => verb + type)
            .Concat([$"publish{plural}", $"restore{type}Revision", $"{camel}Revisions"])
            .Concat(type is "Article" or "Category" ? [$"create{type}PreviewToken"] : []);
    }

    /// <summary>A well-formed request for the operation, aimed at an item that does not exist: the role check must come first.</summary>
    private async Task<(string Document, object Variables)> RequestForAsync(string operation)
    {
        var root = operation.EndsWith("Revisions", StringComparison.Ordinal) || operation is "auditLog" or "articleDiff" || operation.StartsWith("webhook", StringComparison.Ordinal)
            ? "queryType" : "mutationType";
        var field = (await factory.CreateClient().PostQueryAsync(
            $$"""{ __schema { {{root}} { fields { name args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }"""))
            .AssertData()["__schema"]![root]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == operation)!;
        var arguments = field["args"]!.AsArray().Where(a => a!["type"]!["kind"]!.GetValue<string>() == "NON_NULL").ToList();
        var declarations = string.Join(", ", arguments.Select(a => $"${a!["name"]}: {TypeText(a["type"]!)}"));
        var passing = string.Join(", ", arguments.Select(a => $"{a!["name"]}: ${a["name"]}"));
        var variables = arguments.ToDictionary(a => a!["name"]!.GetValue<string>(), a => ValueFor(a!["name"]!.GetValue<string>()));
        var keyword = root == "queryType" ? "query" : "mutation";
        var call = arguments.Count == 0 ? operation : $"{operation}({passing})";
        var header = arguments.Count == 0 ? keyword : $"{keyword}({declarations})";
        return ($"{header} {{ {call} {{ __typename }} }}", variables);
    }

    private static string TypeText(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => TypeText(type["ofType"]!) + "!",
        "LIST" => "[" + TypeText(type["ofType"]!) + "]",
        _ => type["name"]!.GetValue<string>(),
    };

    private static object ValueFor(string argument) => argument switch
    {
        "id" or "deliveryId" => "999999",
        "version" or "revision" or "fromVersion" or "toVersion" => 1,
        "note" => "Matrix note",
        "input" or "details" => new Dictionary<string, object>(),
        "items" => new[] { new { id = "999999", version = 1 } },
        _ => throw new InvalidOperationException($"No test value for the required argument '{argument}'."),
    };

    private static string? CodeOf(GraphQLResponse response) =>
        response.Errors?[0]?["extensions"]?["code"]?.GetValue<string>();
}
