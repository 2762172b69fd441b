using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContentHub.Server.Content;

namespace ContentHub.Tests.Content;

/// <summary>
/// Every vector in <c>xss-vectors.txt</c> (the OWASP filter-evasion cheat sheet, HTML5 and Markdown-specific ones) is
/// rendered as an editor would save it, and the HTML is checked with a real HTML parser, independently of the sanitiser.
/// </summary>
public sealed partial class XssVectorTests
{
    private static readonly HashSet<string> s_allowedTags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "del", "ins", "mark", "sub", "sup",
        "ul", "ol", "li", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "img",
    ];

    private static readonly HashSet<string> s_forbiddenTags = ["script", "iframe", "object", "embed", "style", "meta", "base", "form", "link", "svg", "math"];

    private static readonly HashSet<string> s_urlAttributes =
        ["href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "srcset", "cite", "ping", "lowsrc", "dynsrc"];

    private static readonly HashSet<string> s_allowedSchemes = ["http", "https", "mailto", "tel"];

    private static readonly string[] s_lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Content", "xss-vectors.txt"));

    public static TheoryData<int> Vectors()
    {
        var lines = new TheoryData<int>();
        for (var i = 0; i < s_lines.Length; i++)
        {
            if (s_lines[i].Length > 0 && !s_lines[i].StartsWith("--- ", StringComparison.Ordinal))
            {
                lines.Add(i + 1);
            }
        }

        return lines;
    }

    [Fact]
    public void Should_have_at_least_300_vectors() => Assert.True(((IEnumerable<object[]>)Vectors()).Count() >= 300);

    [Fact]
    public void Should_catch_what_it_looks_for()
    {
        Assert.Equal(4, Problems("<script></script><img src=x onerror=alert(1) style=x><a href=\" java\tscript:x\">x</a>").Count());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Should_let_no_known_vector_survive(int line)
    {
        var vector = Decode(s_lines[line - 1]);
        var html = MarkdownRenderer.Render(vector).Html;

        var problems = Problems(html).ToList();

        Assert.True(problems.Count == 0, $"xss-vectors.txt:{line}: {vector}\n→ {html}\n{string.Join('\n', problems)}");
    }

    /// <summary>The pipeline escapes raw HTML, so the sanitiser also gets every vector as HTML, unescaped.</summary>
    [Theory]
    [MemberData(nameof(Vectors))]
    public void Should_let_no_known_vector_through_the_sanitiser(int line)
    {
        var vector = Decode(s_lines[line - 1]);
        var html = RichTextSanitizer.Sanitize(vector);

        var problems = Problems(html).ToList();

        Assert.True(problems.Count == 0, $"xss-vectors.txt:{line}: {vector}\n→ {html}\n{string.Join('\n', problems)}");
    }

    private static IEnumerable<string> Problems(string html)
    {
        var context = new HtmlParser().ParseDocument("").Body!;
        var elements = new HtmlParser().ParseFragment(html, context).SelectMany(node => node is IElement e ? e.DescendantsAndSelf<IElement>() : []);
        foreach (var element in elements)
        {
            var tag = element.LocalName;
            if (s_forbiddenTags.Contains(tag) || !s_allowedTags.Contains(tag))
            {
                yield return $"element <{tag}>";
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal) || name == "style")
                {
                    yield return $"attribute {name} on <{tag}>";
                }

                if (s_urlAttributes.Contains(name) && !IsSafeUrl(attribute.Value))
                {
                    yield return $"URL {name}=\"{attribute.Value}\" on <{tag}>";
                }
            }
        }
    }

    /// <summary>
    /// Allowed when it has one of the allowed schemes or none (a relative URL, but not a protocol-relative one: "//host",
    /// "\\host", "/\host" and "\/host" lead off the site), as a browser reads it — leading and
    /// trailing controls and spaces trimmed, tabs and newlines dropped — and also once percent-decoded.
    /// </summary>
    private static bool IsSafeUrl(string url)
    {
        var browserView = BrowserIgnored().Replace(url.Trim(Enumerable.Range(0, 33).Select(c => (char)c).ToArray()), "");
        return new[] { browserView, Uri.UnescapeDataString(browserView) }.All(candidate =>
            (Scheme().Match(candidate) is not { Success: true } match || s_allowedSchemes.Contains(match.Groups[1].Value.ToLowerInvariant()))
            && !ProtocolRelative().IsMatch(candidate));
    }

    private static string Decode(string line) => line
        .Replace("{NL}", "\n", StringComparison.Ordinal)
        .Replace("{CR}", "\r", StringComparison.Ordinal)
        .Replace("{TAB}", "\t", StringComparison.Ordinal)
        .Replace("{NUL}", "\0", StringComparison.Ordinal);

    [GeneratedRegex("[\t\n\r]")]
    private static partial Regex BrowserIgnored();

    [GeneratedRegex(@"^[/\\]{2}")]
    private static partial Regex ProtocolRelative();

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();
}
