using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace ContentHub.Server.Content;

/// <summary>
/// An opaque position in a sorted list: the sort it belongs to, the sort key and the id of the last item seen.
/// The sort is part of the cursor so that a cursor issued for one order is refused by another.
/// </summary>
public readonly record struct KeysetCursor(string Sort, string Key, int Id)
{
    // Sort and id first: the key (a title) may contain any character, the separator included.
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Sort}:{Id.ToString(CultureInfo.InvariantCulture)}:{Key}"));

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

        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split(':', 3);
        if (parts.Length != 3
            || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new KeysetCursor(parts[0], parts[2], id);
        return true;
    }

    public static string FormatKey(DateTime key) => key.Ticks.ToString(CultureInfo.InvariantCulture);

    public static bool TryParseKey(string key, out DateTime value)
    {
        value = default;
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }
}
