using System.Globalization;

namespace ContentHub.Server.Content;

/// <summary>Reads the <c>ID</c> values clients send: our ids are positive integers, anything else names nothing.</summary>
public static class ContentIds
{
    public static int? Parse(object? id) =>
        int.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var key) ? key : null;
}
