using System.ComponentModel.DataAnnotations;

namespace ContentHub.Server.Articles;

/// <summary>The medical review workflow, bound from the <c>Review</c> section.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Whether a reviewer may approve content whose last change was their own (four eyes off). Default false.</summary>
    public bool AllowSelfApproval { get; set; }

    /// <summary>Days from an approval to the next review when the article's categories set no interval.</summary>
    [Range(1, 3650)]
    public int DefaultIntervalDays { get; set; } = 365;
}
