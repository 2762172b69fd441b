using Markdig;

namespace ContentHub.Server.Content;

/// <summary>Renders editor Markdown once, on save, into sanitised HTML, plain text, an excerpt, a reading time and an outline.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static RichText Render(string markdown)
    {
        var normalised = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var document = Markdown.Parse(normalised, s_pipeline);
        var outline = HeadingAnchors.Assign(document);
        TableAlignment.UseAlignAttributes(document);
        var html = RichTextSanitizer.Sanitize(Markdown.ToHtml(document, s_pipeline)).Trim();
        var text = Markdown.ToPlainText(normalised, s_pipeline).Trim();
        return new RichText
        {
            Markdown = normalised,
            Html = html,
            Text = text,
            Excerpt = PlainTextSummary.Excerpt(text),
            ReadingTimeMinutes = PlainTextSummary.ReadingTimeMinutes(text),
            Outline = outline,
        };
    }
}
