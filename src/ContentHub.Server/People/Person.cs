using ContentHub.Server.Content;

namespace ContentHub.Server.People;

/// <summary>An author or medical reviewer: their public profile, and the person API keys and signed-in users act as.</summary>
public sealed class Person : ContentItem
{
    /// <summary>URL-friendly unique name for the author page, e.g. <c>dr-ana-ruiz</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>The name as printed, e.g. <c>Ana Ruiz</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Degrees and titles as printed after the name, e.g. <c>MD, FAAOS</c>.</summary>
    public string? Credentials { get; set; }

    /// <summary>The field they practise or write about, e.g. <c>Orthopaedic spine surgery</c>.</summary>
    public string? Specialty { get; set; }

    /// <summary>
    /// Their licence or registration number with the issuing body, e.g. <c>GMC 7012345</c>: for editors checking a
    /// reviewer, not printed on author pages (some such numbers are abused for identity fraud).
    /// </summary>
    [EditorsOnly]
    public string? LicenceNumber { get; set; }

    /// <summary>A short biography, plain text.</summary>
    public string? Profile { get; set; }

    /// <summary>Their portrait.</summary>
    public Image? Photo { get; set; }
}
