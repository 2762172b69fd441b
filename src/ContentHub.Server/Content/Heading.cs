using System.Text.Json.Serialization;

namespace ContentHub.Server.Content;

/// <summary>A heading of a rich text, as listed in its outline.</summary>
public sealed record Heading
{
    /// <summary>1 for a top-level heading (<c>#</c>) to 6 (<c>######</c>).</summary>
    public required int Level { get; init; }

    /// <summary>The heading's text without markup.</summary>
    public required string Text { get; init; }

    /// <summary>The <c>id</c> attribute of the heading's element in the HTML, for links such as <c>#reasons-for-surgery</c>: its text as a slug, with <c>-2</c>, <c>-3</c>… on repeats. Unique within one text only (so not named <c>id</c>: clients that cache objects by <c>id</c> would merge the headings of different articles).</summary>
    // Stored outlines name it "id": the JSON column keeps that name.
    [JsonPropertyName("id")]
    public required string Anchor { get; init; }
}
