using ContentHub.Server.Content;


namespace ContentHub.Server.Disclaimers;

/// <summary>Legal or medical small print, attached to articles or categories or applied site-wide; active while published.</summary>
public sealed class Disclaimer : ContentItem
{
    /// <summary>Unique, stable name used to attach the disclaimer, e.g. <c>medical-advice</c>.</summary>
    public required string Key { get; set; }

    /// <summary>A name for editors; front ends usually do not show it.</summary>
    public required string Title { get; set; }

    /// <summary>The disclaimer text.</summary>
    public required RichText Body { get; set; }

    /// <summary>Where on a page the disclaimer belongs.</summary>
    public DisclaimerPlacement Placement { get; set; }

    /// <summary>Position among disclaimers of the same placement, lowest first.</summary>
    public int SortOrder { get; set; }

    /// <summary>Applies to every page (and so to every article), not only where attached.</summary>
    public bool SiteWide { get; set; }

}
