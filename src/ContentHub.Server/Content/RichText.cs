namespace ContentHub.Server.Content;

/// <summary>Text written in Markdown, with its sanitised HTML, plain text, excerpt, reading time and outline derived on save.</summary>
public sealed record RichText
{
    /// <summary>The Markdown source: what editors write and the source of truth.</summary>
    public required string Markdown { get; init; }

    /// <summary>Sanitised HTML rendered from the Markdown, safe to insert into a page. Headings carry the outline's anchors as their ids.</summary>
    public required string Html { get; init; }

    /// <summary>The text without markup, for previews, search and screen readers.</summary>
    public required string Text { get; init; }

    /// <summary>The start of the plain text on one line, at most 200 characters, cut at a word with an ellipsis; the whole text when it is shorter.</summary>
    public required string Excerpt { get; init; }

    /// <summary>Estimated minutes to read the text at 200 words a minute; at least 1.</summary>
    public required int ReadingTimeMinutes { get; init; }

    /// <summary>The headings in document order, for a table of contents: each one's level, text and the anchor (id) of its element in the HTML.</summary>
    public required IReadOnlyList<Heading> Outline { get; init; }
}
