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
    public static ValueConverter<T, string> Converter<T, TStored>()
        where TStored : T, new() =>
        new(value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web), json => JsonSerializer.Deserialize<TStored>(json, JsonSerializerOptions.Web) ?? new TStored());

    /// <summary>Equal when the JSON is: change tracking notices an edited element, and an unchanged import writes nothing.</summary>
    public static ValueComparer<T> Comparer<T, TStored>()
        where TStored : T, new() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
            value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<TStored>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web) ?? new TStored());
}
