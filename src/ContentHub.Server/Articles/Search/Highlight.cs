using System.Net;
using System.Text;

namespace ContentHub.Server.Articles.Search;

/// <summary>
/// Snippets come from the database as plain text with the matched words between two Unicode noncharacters (never
/// meaningful in text). The text is HTML-encoded and only the marks become tags, so a snippet is safe to insert
/// into a page whatever the article contains, and its <c>&lt;mark&gt;</c> elements are always balanced.
/// </summary>
public static class Highlight
{
    public const char Open = '\uFDD0';
    public const char Close = '\uFDD1';
    public const string Ellipsis = "…";

    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] is not Open and not Close)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(marked[start..i]));
            start = i + 1;
            if (i == marked.Length)
            {
                break;
            }

            if (marked[i] == Open && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (marked[i] == Close && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        return open ? html.Append("</mark>").ToString() : html.ToString();
    }
}
