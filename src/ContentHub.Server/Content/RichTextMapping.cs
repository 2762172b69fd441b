using Riok.Mapperly.Abstractions;

namespace ContentHub.Server.Content;

/// <summary>How seed mappers turn Markdown into <see cref="RichText"/>: rendered once, on save.</summary>
public static class RichTextMapping
{
    [UserMapping(Default = true)]
    public static RichText FromMarkdown(string markdown) => MarkdownRenderer.Render(markdown);
}
