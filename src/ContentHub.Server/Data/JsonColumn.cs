using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContentHub.Server.Data;

/// <summary>
/// A list of value objects stored as one JSON text column: read and written whole, never queried inside, so
/// every provider stores it the same way (and the bulk insert writes it through the converter like any column).
/// <c>TStored</c> is the concrete list read back for a property typed <c>T</c> (e.g. <c>List</c> for <c>IReadOnlyList</c>).
/// </summary>
public static class JsonColumn
{
    /// <summary>Public because the compiled models' code (scripts/optimize-model.sh) reads it from outside this class.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T, TStored>()
        where TStored : T, new() =>
        new(value => JsonSerializer.Serialize(value, Options), json => JsonSerializer.Deserialize<TStored>(json, Options) ?? new TStored());

    /// <summary>Equal when the JSON is: change tracking notices an edited element, and an unchanged import writes nothing.</summary>
    public static ValueComparer<T> Comparer<T, TStored>()
        where TStored : T, new() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<TStored>(JsonSerializer.Serialize(value, Options), Options) ?? new TStored());
}
