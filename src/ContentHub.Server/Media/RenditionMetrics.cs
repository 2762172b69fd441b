using System.Diagnostics.Metrics;

namespace ContentHub.Server.Media;

/// <summary>
/// The rendition queue's state, as the up-down counters <c>contenthub.media.renditions.waiting</c> (new renditions
/// waiting for a turn) and <c>contenthub.media.renditions.rendering</c> (images being decoded and encoded now: never
/// more than <see cref="MediaOptions.MaxConcurrentRenditions"/>).
/// </summary>
public sealed class RenditionMetrics(IMeterFactory meters)
{
    public const string MeterName = "ContentHub.Media";
    public const string WaitingName = "contenthub.media.renditions.waiting";
    public const string RenderingName = "contenthub.media.renditions.rendering";

    private readonly UpDownCounter<long> _waiting = meters.Create(MeterName).CreateUpDownCounter<long>(WaitingName, description: "New renditions waiting for a turn.");
    private readonly UpDownCounter<long> _rendering = meters.Create(MeterName).CreateUpDownCounter<long>(RenderingName, description: "Renditions being made now.");

    public void Waiting(int change) => _waiting.Add(change);

    public void Rendering(int change) => _rendering.Add(change);
}
