using ContentHub.Server.Content;


namespace ContentHub.Server.Promotions;

/// <summary>A promotional block placed around articles, such as the "Find a Spine Institute" zip-code search.</summary>
public sealed class Promotion : ContentItem
{
    /// <summary>Unique, stable name, e.g. <c>find-a-spine-institute</c>.</summary>
    public required string Key { get; set; }

    /// <summary>What the block asks the reader to do, which decides how a front end renders it.</summary>
    public PromotionKind Kind { get; set; }

    /// <summary>A progress hint shown above the heading, e.g. "Step 1 of 2".</summary>
    public string? StepLabel { get; set; }

    /// <summary>The headline; line breaks are kept as written.</summary>
    public required string Heading { get; set; }

    /// <summary>The supporting sentence under the heading.</summary>
    public string? Body { get; set; }

    /// <summary>The image or logo shown in the block.</summary>
    public Image? Image { get; set; }

    /// <summary>Where the form submits to or the link leads; empty when the source gave none.</summary>
    public string? ActionUrl { get; set; }

    /// <summary>Where on a page the block is shown.</summary>
    public PromotionPlacement Placement { get; set; }

    /// <summary>Position among blocks of the same placement, lowest first.</summary>
    public int SortOrder { get; set; }

}
