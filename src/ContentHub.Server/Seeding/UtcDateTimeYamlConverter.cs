using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ContentHub.Server.Seeding;

/// <summary>
/// Reads seed dates as UTC: an offset is honoured, no offset means UTC. The same files then give the same
/// database on every machine, whatever its time zone, and a re-import compares equal values. Writes them (export) in
/// one form, UTC to the microsecond with trailing zeros left out: <c>2025-01-31T09:00:00Z</c>, <c>2025-01-31T09:00:00.25Z</c>.
/// </summary>
public sealed class UtcDateTimeYamlConverter : IYamlTypeConverter
{
    private const DateTimeStyles Styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

    public bool Accepts(Type type) => type == typeof(DateTime) || type == typeof(DateTime?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (type == typeof(DateTime?) && (scalar.Value.Length == 0 || scalar.Value is "~" or "null"))
        {
            return null;
        }

        if (!DateTime.TryParse(scalar.Value, CultureInfo.InvariantCulture, Styles, out var value))
        {
            throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a date; write it as 2025-01-31 or 2025-01-31T09:00:00Z");
        }

        return value;
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value is DateTime date ? Format(date) : "~"));

    /// <summary>
    /// The instant to the microsecond, the finest PostgreSQL stores (SQLite and SQL Server keep 100 ns): what an import
    /// writes and an export reads is then the same on every provider.
    /// </summary>
    public static DateTime ToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % (TimeSpan.TicksPerMillisecond / 1000)), DateTimeKind.Utc);

    public static string Format(DateTime value) =>
        ToMicroseconds(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
}
