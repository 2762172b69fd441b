using System.Globalization;
using ContentHub.Server.Content;

namespace ContentHub.Server.Access;

/// <summary>Leave to see one unpublished item, e.g. the draft a front end's preview page shows; with a version, only while the item is at it.</summary>
public sealed record PreviewGrant(string ContentType, int Id, int? Version = null) : IPreviewValues
{
    public const string ClaimType = "contenthub:preview";

    int IPreviewValues.PreviewedId => Id;

    int? IPreviewValues.PreviewedVersion => Version;

    public string ToClaimValue() => Version is { } version
        ? string.Create(CultureInfo.InvariantCulture, $"{ContentType}:{Id}:{version}")
        : string.Create(CultureInfo.InvariantCulture, $"{ContentType}:{Id}");

    public static PreviewGrant? FromClaimValue(string? value) => value?.Split(':') switch
    {
        [var type, var id] when Number(id) is { } key => new PreviewGrant(type, key),
        [var type, var id, var version] when Number(id) is { } key && Number(version) is { } at => new PreviewGrant(type, key, at),
        _ => null,
    };

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
