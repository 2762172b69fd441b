using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ContentHub.Server.Seeding;

/// <summary>
/// Reads seed dates as UTC: an offset is honoured, no offset means UTC. The same files then give the same
/// database on every machine, whatever its time zone, and a re-import compares equal values.
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
        throw new NotSupportedException("Seed files are only read.");
}
