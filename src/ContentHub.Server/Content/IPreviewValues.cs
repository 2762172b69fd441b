namespace ContentHub.Server.Content;

/// <summary>The item a preview token lets its holder see, as a query reads it (<see cref="Visibility.VisibleOrPreviewed{T}"/>).</summary>
public interface IPreviewValues
{
    int PreviewedId { get; }

    /// <summary>The version the token is bound to; null when it shows whatever version the item is at.</summary>
    int? PreviewedVersion { get; }
}
