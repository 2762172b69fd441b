namespace ContentHub.Server.Content;

/// <summary>A heading of a rich text, as listed in its outline.</summary>
public sealed record Heading
{
    /// <summary>1 for a top-level heading (<c>#</c>) to 6 (<c>######</c>).</summary>
    public required int Level { get; init; }

    /// <summary>The heading's text without markup.</summary>
    public required string Text { get; init; }

    /// <summary>The <c>id</c> of the heading's element in the HTML, for links such as <c>#reasons-for-surgery</c>: its text as a slug, with <c>-2</c>, <c>-3</c>… on repeats.</summary>
    public required string Id { get; init; }
}
