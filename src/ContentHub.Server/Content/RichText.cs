namespace ContentHub.Server.Content;

/// <summary>Text written in Markdown, with its sanitised HTML and plain-text renderings derived on save.</summary>
public sealed record RichText
{
    /// <summary>The Markdown source: what editors write and the source of truth.</summary>
    public required string Markdown { get; init; }

    /// <summary>Sanitised HTML rendered from the Markdown, safe to insert into a page.</summary>
    public required string Html { get; init; }

    /// <summary>The text without markup, for previews, search and screen readers.</summary>
    public required string Text { get; init; }
}
