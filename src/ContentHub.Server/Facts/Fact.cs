using ContentHub.Server.Content;


namespace ContentHub.Server.Facts;

/// <summary>A "Did you know?" fact shown in rotation beside articles.</summary>
public sealed class Fact : ContentItem
{
    /// <summary>Unique, stable name for the fact, e.g. <c>back-pain-prevalence</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The fact as shown to readers.</summary>
    public required string Text { get; set; }

    /// <summary>The number the fact is about, for front ends that display it large.</summary>
    public Statistic? Statistic { get; set; }

    /// <summary>Where the fact comes from; empty when the source page did not say.</summary>
    public string? Source { get; set; }

    /// <summary>Relative chance of being picked as the random fact; 0 never picks it.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>The fact is shown from this moment on (UTC); empty means always.</summary>
    [EditorsOnly]
    public DateTime? ActiveFrom { get; set; }

    /// <summary>The fact is shown until this moment (UTC, exclusive); empty means always.</summary>
    [EditorsOnly]
    public DateTime? ActiveUntil { get; set; }

    /// <summary>Topic labels for choosing facts that fit a page.</summary>
    public List<string> Tags { get; set; } = [];

}
