using ContentHub.Server.Content;

namespace ContentHub.Tests.Content;

public sealed class RichTextSanitizerTests
{
    [Fact]
    public void Should_keep_ids_on_headings_only()
    {
        Assert.Equal("<h2 id=\"a\">A</h2><p>b</p>", RichTextSanitizer.Sanitize("<h2 id=\"a\">A</h2><p id=\"location\">b</p>"));
    }

    [Theory]
    [InlineData("<a href=\"javascript%3Aalert(1)\">x</a>")]
    [InlineData("<a href=\"%6A%61vascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"data%3Atext/html,x\">x</a>")]
    public void Should_remove_relative_urls_that_decode_to_another_scheme(string html)
    {
        Assert.Equal("<a>x</a>", RichTextSanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<a href=\"/articles/a%3Ab\">x</a>")]
    [InlineData("<a href=\"#reasons\">x</a>")]
    [InlineData("<a href=\"https://example.org/?q=a%3Ab\">x</a>")]
    public void Should_keep_relative_and_http_urls(string html)
    {
        Assert.Equal(html, RichTextSanitizer.Sanitize(html));
    }
}
