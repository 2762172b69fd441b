using ContentHub.Server.Content;

namespace ContentHub.Tests.Content;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Should_render_headings_paragraphs_and_bullets()
    {
        var text = MarkdownRenderer.Render("Intro.\n\n## Heading\n\n- one\n- two\n");

        Assert.Equal("<p>Intro.</p>\n<h2>Heading</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>", text.Html);
        Assert.Equal("Intro.\nHeading\none\ntwo", text.Text);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    public void Should_strip_script_from_the_html(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, MarkdownRenderer.Render(markdown).Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_keep_safe_links()
    {
        var html = MarkdownRenderer.Render("[call](tel:1-844-201-1308) or [read](https://example.org/a)").Html;

        Assert.Contains("href=\"tel:1-844-201-1308\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Heading\n\n- one two", 1)]
    [InlineData("", 1)]
    public void Should_count_reading_time_in_whole_minutes(string markdown, int minutes)
    {
        Assert.Equal(minutes, MarkdownRenderer.ReadingTimeMinutes(markdown));
        Assert.Equal(3, MarkdownRenderer.ReadingTimeMinutes(string.Join(' ', Enumerable.Repeat("word -", 401))));
    }
}
