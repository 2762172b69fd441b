using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ContentHub.Server.Content;

namespace ContentHub.Server.Editing;

/// <summary>
/// An item's editable form as JSON: the snapshot a revision stores, the base a partial update is laid over,
/// and what two states are compared by. Field names and enum values are spelled as in the GraphQL schema.
/// </summary>
public static class InputJson
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    public static JsonObject ToJson<TInput>(TInput input)
    {
        var json = JsonSerializer.SerializeToNode(input, s_options)!.AsObject();
        json.Remove("naturalKey"); // derived from the slug or key, not a field of its own
        return json;
    }

    /// <summary>An item's editable fields with its publication state: what a revision stores and changes are found in.</summary>
    public static JsonObject Snapshot<TInput>(TInput input, ContentItem state)
    {
        var json = ToJson(input);
        json["status"] = ToNode(state.Status);
        json["publishedAt"] = ToNode(state.PublishedAt);
        json["publishScheduledAt"] = ToNode(state.PublishScheduledAt);
        json["unpublishScheduledAt"] = ToNode(state.UnpublishScheduledAt);
        return json;
    }

    public static JsonNode? ToNode(object? value) => JsonSerializer.SerializeToNode(value, s_options);

    public static TInput FromJson<TInput>(JsonObject json) => json.Deserialize<TInput>(s_options)!;

    public static TInput Parse<TInput>(string json) => JsonSerializer.Deserialize<TInput>(json, s_options)!;

    /// <summary>The fields named in <paramref name="patch"/> replace those of <paramref name="current"/>; the rest stay.</summary>
    public static JsonObject Merge(JsonObject current, IReadOnlyDictionary<string, object?> patch)
    {
        var merged = current.DeepClone().AsObject();
        foreach (var (field, value) in patch)
        {
            merged[field] = ToNode(value);
        }

        return merged;
    }

    /// <summary>The top-level fields whose values differ, in the order of <paramref name="after"/>.</summary>
    public static List<string> ChangedFields(JsonObject? before, JsonObject after) =>
        after.Where(field => before is null || !JsonNode.DeepEquals(before[field.Key], field.Value))
            .Select(field => field.Key)
            .ToList();
}
