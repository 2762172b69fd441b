using ContentHub.Server.Content;

namespace ContentHub.Tests.Content;

public sealed class RichTextSanitizerTests
{
    [Fact]
    public void Should_keep_ids_on_headings_only()
    {
        Assert.Equal("<h2 id=\"a\">A</h2><p>b</p>", RichTextSanitizer.Sanitize("<h2 id=\"a\">A</h2><p id=\"location\">b</p>"));
    }

    [Fact]
    public void Should_keep_every_tag_and_attribute_of_its_allow_list()
    {
        const string Html =
            "<h1 id=\"a\">A</h1><h2 id=\"b\">B</h2><h3 id=\"c\">C</h3>" +
            "<p><em>em</em> <strong>strong</strong> <del>del</del> <ins>ins</ins> <mark>mark</mark> H<sub>2</sub>O x<sup>2</sup> " +
            "<a href=\"https://example.org/\" title=\"Example\">link</a><br><code>code</code></p>" +
            "<ul><li>one</li></ul><blockquote><p>quoted</p></blockquote><pre><code>block</code></pre><hr>" +
            "<table><thead><tr><th align=\"left\">h</th></tr></thead><tbody><tr><td align=\"right\">d</td></tr></tbody></table>" +
            "<p><img src=\"/media/1/spine.webp\" alt=\"A spine\" title=\"Spine\"></p>";

        Assert.Equal(Html, RichTextSanitizer.Sanitize(Html));
    }

    [Theory]
    [InlineData("<h4 id=\"d\">D</h4><h5 id=\"e\">E</h5><h6 id=\"f\">F</h6>")]
    [InlineData("<table><tbody><tr><td colspan=\"2\" rowspan=\"3\">x</td></tr></tbody></table>")]
    [InlineData("<ol start=\"3\"><li>c</li></ol>")]
    public void Should_keep_what_the_markdown_pipeline_emits(string html)
    {
        Assert.Equal(html, RichTextSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<a href=\"javascript%3Aalert(1)\">x</a>")]
    [InlineData("<a href=\"%6A%61vascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data%3Atext/html,x\">x</a>")]
    [InlineData("<a href=\"%20javascript%3Aalert(1)\">x</a>")]
    [InlineData("<a href=\"%09java%0Ascript:alert(1)\">x</a>")]
    public void Should_remove_relative_urls_that_decode_to_another_scheme(string html)
    {
        Assert.Equal("<a>x</a>", RichTextSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<a href=\"/articles/a%3Ab\">x</a>")]
    [InlineData("<a href=\"#reasons\">x</a>")]
    [InlineData("<a href=\"https://example.org/?q=a%3Ab\">x</a>")]
    [InlineData("<a href=\"http://example.org/a\">x</a>")]
    [InlineData("<a href=\"mailto:editor@example.org\">x</a>")]
    [InlineData("<a href=\"tel:+18442011308\">x</a>")]
    public void Should_keep_relative_and_http_urls(string html)
    {
        Assert.Equal(html, RichTextSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<a href=\"//evil.example/x?q=a\\b\">x</a>", "<a href=\"https://evil.example/x?q=a\\b\">x</a>")]
    [InlineData("<a href=\"\\\\evil.example\\x\">x</a>", "<a href=\"https://evil.example/x\">x</a>")]
    [InlineData("<a href=\"/\\evil.example\">x</a>", "<a href=\"https://evil.example\">x</a>")]
    [InlineData("<a href=\"\\/evil.example\">x</a>", "<a href=\"https://evil.example\">x</a>")]
    [InlineData("<a href=\" /&#9;/evil.example\">x</a>", "<a href=\"https://evil.example\">x</a>")]
    [InlineData("<img src=\"//cdn.example/a.png\" alt=\"a\">", "<img src=\"https://cdn.example/a.png\" alt=\"a\">")]
    public void Should_write_protocol_relative_urls_as_the_https_urls_browsers_resolve_them_to(string html, string expected)
    {
        Assert.Equal(expected, RichTextSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<a href=\"//\">x</a>")]
    [InlineData("<a href=\"//evil.example:99999/\">x</a>")]
    [InlineData("<a href=\"%2F%2Fevil.example\">x</a>")]
    [InlineData("<a href=\"/%5Cevil.example\">x</a>")]
    public void Should_remove_protocol_relative_urls_without_a_valid_host_or_hidden_by_percent_encoding(string html)
    {
        Assert.Equal("<a>x</a>", RichTextSanitizer.Sanitize(html));
    }
}
