using System.Text.RegularExpressions;

namespace ContentHub.Server.Content;

/// <summary>What is derived from a rich text's plain text: its excerpt and reading time.</summary>
public static partial class PlainTextSummary
{
    public const int ExcerptLength = 200;
    private const int WordsPerMinute = 200;
    private const string Ellipsis = "…";

    /// <summary>The text on one line; when longer than <see cref="ExcerptLength"/>, cut after the last whole word that fits with an ellipsis.</summary>
    public static string Excerpt(string text)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        if (line.Length <= ExcerptLength)
        {
            return line;
        }

        var window = line[..(ExcerptLength - Ellipsis.Length + 1)];
        var lastSpace = window.LastIndexOf(' ');
        var cut = lastSpace > 0 ? window[..lastSpace] : window[..^1];
        return cut.TrimEnd(' ', ',', ';', ':', '.', '-', '–', '—') + Ellipsis;
    }

    /// <summary>Minutes to read, counting only words (tokens with a letter or digit); at least 1.</summary>
    public static int ReadingTimeMinutes(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));
        return Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
