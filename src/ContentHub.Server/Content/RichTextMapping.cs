using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Content;

/// <summary>How mappers turn Markdown into <see cref="RichText"/> (rendered once, on save) and back.</summary>
public static class RichTextMapping
{
    [UserMapping(Default = true)]
    public static RichText FromMarkdown(string markdown) => MarkdownRenderer.Render(markdown);

    [UserMapping(Default = true)]
    public static string ToMarkdown(RichText text) => text.Markdown;
}
