using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ContentHub.Server.Content;

/// <summary>An opaque position in a newest-first list: the sort timestamp and id of the last item seen.</summary>
public readonly record struct KeysetCursor(DateTime SortKey, int Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{SortKey.Ticks.ToString(CultureInfo.InvariantCulture)}:{Id.ToString(CultureInfo.InvariantCulture)}"));

    public static bool TryDecode(string value, out KeysetCursor cursor)
    {
        cursor = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
