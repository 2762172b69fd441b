using ContentHub.Server.Content;

namespace ContentHub.Server.Media;

/// <summary>The asset a mutation wrote, or why it wrote nothing.</summary>
public sealed class AssetPayload
{
    /// <summary>The asset; empty when refused.</summary>
    public Asset? Asset { get; init; }

    /// <summary>True when the upload's bytes (after stripping metadata) were stored already: the existing asset is returned unchanged.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Why nothing was written; empty when it was.</summary>
    public required IReadOnlyList<FieldError> Errors { get; init; }
}
