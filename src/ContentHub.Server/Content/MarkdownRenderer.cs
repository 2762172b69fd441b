using Ganss.Xss;
using Markdig;

namespace ContentHub.Server.Content;

/// <summary>Renders editor Markdown once, on save, into sanitised HTML and plain text.</summary>
public static class MarkdownRenderer
{
    private const int WordsPerMinute = 200;

    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer s_sanitizer = CreateSanitizer();

    public static RichText Render(string markdown)
    {
        var normalised = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var html = s_sanitizer.Sanitize(Markdown.ToHtml(normalised, s_pipeline)).Trim();
        var text = Markdown.ToPlainText(normalised, s_pipeline).Trim();
        return new RichText { Markdown = normalised, Html = html, Text = text };
    }

    /// <summary>Minutes to read, counting only words (Markdown markers such as <c>-</c> or <c>##</c> are not words).</summary>
    public static int ReadingTimeMinutes(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));
        return Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("style");
        return sanitizer;
    }
}
