using System.Text.Json;
using ContentHub.Server.Content;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContentHub.Server.Data;

/// <summary>A rich text's outline stored as one JSON column: it is always read and written whole.</summary>
public static class OutlineJson
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<IReadOnlyList<Heading>, string> Converter = new(
        outline => JsonSerializer.Serialize(outline, s_json),
        json => JsonSerializer.Deserialize<List<Heading>>(json, s_json) ?? new List<Heading>());

    // Headings are records: equal lists of equal headings are the same outline, so an unchanged import writes nothing.
    public static readonly ValueComparer<IReadOnlyList<Heading>> Comparer = new(
        (left, right) => left!.SequenceEqual(right!),
        outline => outline.Aggregate(0, (hash, heading) => HashCode.Combine(hash, heading)),
        outline => outline.ToList());
}
