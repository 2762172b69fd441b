using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContentHub.Server.Content;

/// <summary>Gives every heading of a parsed Markdown document a stable id and lists the headings as an outline.</summary>
public static class HeadingAnchors
{
    private const int MaxIdLength = 80;
    private const string FallbackId = "section";

    public static IReadOnlyList<Heading> Assign(MarkdownDocument document)
    {
        var outline = new List<Heading>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in document.Descendants<HeadingBlock>())
        {
            var text = TextOf(block.Inline).Trim();
            var id = Unique(FieldRules.Slugify(text, MaxIdLength) is { Length: > 0 } slug ? slug : FallbackId, taken);
            block.GetAttributes().Id = id;
            outline.Add(new Heading { Level = block.Level, Text = text, Anchor = id });
        }

        return outline;
    }

    private static string Unique(string slug, HashSet<string> taken)
    {
        var id = slug;
        for (var n = 2; !taken.Add(id); n++)
        {
            id = $"{slug}-{n}";
        }

        return id;
    }

    private static string TextOf(Inline? inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        AutolinkInline autolink => autolink.Url,
        LineBreakInline => " ",
        ContainerInline container => string.Concat(container.Select(TextOf)),
        _ => "",
    };
}
