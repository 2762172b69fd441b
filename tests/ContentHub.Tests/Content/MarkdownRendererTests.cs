using System.Text.RegularExpressions;
using ContentHub.Server.Content;
using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;
using Markdig;

namespace ContentHub.Tests.Content;

public sealed partial class MarkdownRendererTests
{
    [Fact]
    public void Should_render_headings_paragraphs_and_bullets()
    {
        var text = MarkdownRenderer.Render("Intro.\n\n## Heading\n\n- one\n- two\n");

        Assert.Equal("<p>Intro.</p>\n<h2 id=\"heading\">Heading</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>", text.Html);
        Assert.Equal("Intro.\nHeading\none\ntwo", text.Text);
    }

    [Fact]
    public void Should_keep_everything_an_ordinary_article_uses()
    {
        var html = MarkdownRenderer.Render("""
            *em* **strong** ~~del~~ ++ins++ ==mark== H~2~O x^2^ `code`  
            next line, [relative](/articles/x), [anchor](#top), [mail](mailto:a@example.org), https://example.org/auto

            > quoted

            3. three
            4. four

            ![A spine](https://example.org/spine.png "Spine")

            | Left | Centre | Right |
            |:-----|:------:|------:|
            | a    | b      | c     |

            ---

            ```csharp
            var x = 1 < 2;
            ```
            """).Html;

        Assert.Equal("""
            <p><em>em</em> <strong>strong</strong> <del>del</del> <ins>ins</ins> <mark>mark</mark> H<sub>2</sub>O x<sup>2</sup> <code>code</code><br>
            next line, <a href="/articles/x">relative</a>, <a href="#top">anchor</a>, <a href="mailto:a@example.org">mail</a>, <a href="https://example.org/auto">https://example.org/auto</a></p>
            <blockquote>
            <p>quoted</p>
            </blockquote>
            <ol start="3">
            <li>three</li>
            <li>four</li>
            </ol>
            <p><img src="https://example.org/spine.png" alt="A spine" title="Spine"></p>
            <table>
            <thead>
            <tr>
            <th align="left">Left</th>
            <th align="center">Centre</th>
            <th align="right">Right</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">a</td>
            <td align="center">b</td>
            <td align="right">c</td>
            </tr>
            </tbody>
            </table>
            <hr>
            <pre><code>var x = 1 &lt; 2;
            </code></pre>
            """, html);
    }

    /// <summary>The sanitiser removes nothing from the seed content: its HTML is Markdig's, plus the heading ids.</summary>
    [Fact]
    public void Should_render_the_seed_content_as_markdig_does()
    {
        var pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().UseAutoLinks().DisableHtml().Build();
        var seeds = SeedReader.Read(ContentHubFactory.RepositorySeedData, []);
        var bodies = seeds.Articles.Select(a => a.Item.Body).Concat(seeds.Disclaimers.Select(d => d.Item.Body!)).ToList();

        Assert.NotEmpty(bodies);
        foreach (var markdown in bodies)
        {
            var html = HeadingId().Replace(MarkdownRenderer.Render(markdown).Html, "");
            Assert.Equal(Markdown.ToHtml(markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), pipeline).Trim(), html);
        }
    }

    [Fact]
    public void Should_keep_safe_links()
    {
        var html = MarkdownRenderer.Render("[call](tel:1-844-201-1308) or [read](https://example.org/a)").Html;

        Assert.Contains("href=\"tel:1-844-201-1308\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_headings_unique_ids_that_the_outline_lists()
    {
        var text = MarkdownRenderer.Render("# Setup\n\n## Setup\n\nText\n\n## Setup 2\n\n### *Bône* `code` & more\n\n## !!!\n\nSetup\n---");

        Assert.Equal(
            [
                new Heading { Level = 1, Text = "Setup", Anchor = "setup" },
                new Heading { Level = 2, Text = "Setup", Anchor = "setup-2" },
                new Heading { Level = 2, Text = "Setup 2", Anchor = "setup-2-2" },
                new Heading { Level = 3, Text = "Bône code & more", Anchor = "bone-code-more" },
                new Heading { Level = 2, Text = "!!!", Anchor = "section" },
                new Heading { Level = 2, Text = "Setup", Anchor = "setup-3" },
            ],
            text.Outline);
        Assert.Equal(
            ["setup", "setup-2", "setup-2-2", "bone-code-more", "section", "setup-3"],
            HeadingIds().Matches(text.Html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Should_use_the_whole_text_on_one_line_as_a_short_excerpt()
    {
        Assert.Equal("Intro. Heading one two", MarkdownRenderer.Render("Intro.\n\n## Heading\n\n- one\n- two").Excerpt);
    }

    [Fact]
    public void Should_cut_a_long_excerpt_after_a_whole_word()
    {
        var words = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"word{i},"));

        var excerpt = MarkdownRenderer.Render(words).Excerpt;

        Assert.True(excerpt.Length <= PlainTextSummary.ExcerptLength, excerpt);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Matches(@"^word1, .* word\d+…$", excerpt);
        Assert.StartsWith(excerpt.TrimEnd('…'), words, StringComparison.Ordinal);
        Assert.True(excerpt.Length > PlainTextSummary.ExcerptLength - 10, excerpt);
    }

    [Fact]
    public void Should_cut_a_long_excerpt_without_spaces_inside_the_word()
    {
        var excerpt = MarkdownRenderer.Render(new string('x', 500)).Excerpt;

        Assert.Equal(new string('x', PlainTextSummary.ExcerptLength - 1) + "…", excerpt);
    }

    [Theory]
    [InlineData("## Heading\n\n- one two", 1)]
    [InlineData("", 1)]
    [InlineData("[a link](https://example.org/a/very/long/url/that/is/not/read/aloud)", 1)]
    public void Should_count_reading_time_in_whole_minutes(string markdown, int minutes)
    {
        Assert.Equal(minutes, MarkdownRenderer.Render(markdown).ReadingTimeMinutes);
    }

    [Fact]
    public void Should_count_only_words_towards_reading_time()
    {
        Assert.Equal(3, MarkdownRenderer.Render(string.Join(' ', Enumerable.Repeat("word -", 401))).ReadingTimeMinutes);
        Assert.Equal(2, MarkdownRenderer.Render(string.Join(' ', Enumerable.Repeat("word -", 400))).ReadingTimeMinutes);
    }

    [GeneratedRegex(" id=\"[^\"]*\"")]
    private static partial Regex HeadingId();

    [GeneratedRegex("<h[1-6] id=\"([^\"]*)\">")]
    private static partial Regex HeadingIds();
}
