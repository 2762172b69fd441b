using ContentHub.Server.Seeding;
using ContentHub.Tests.Support;

namespace ContentHub.Tests.Seeding;

/// <summary>Every kind of bad seed file is reported as <c>file:line: message</c>, the way compilers report errors.</summary>
public sealed class SeedValidationTests
{
    private const string Article = """
        ---
        title: An article
        category: spine
        ---
        Some text.
        """;

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "categories.yaml", "- slug: spine\n  name: [unclosed\n", "categories.yaml:2: " },
        { "categories.yaml", "- slug: spine\n  titel: Spine\n", "categories.yaml:2: Property 'titel' not found on this item" },
        { "categories.yaml", "slug: spine\n", "categories.yaml:1: expected a list of items" },
        { "categories.yaml", "- slug: spine\n  name: Spine\n- slug: Not A Slug\n  name: Other\n", "categories.yaml:3: slug 'Not A Slug' must be lower-case" },
        { "categories.yaml", "- slug: spine\n  name: Spine\n- slug: spine\n  name: Again\n", "categories.yaml:3: duplicate slug 'spine' (first used at categories.yaml:1)" },
        { "categories.yaml", "- slug: spine\n  name: Spine\n  parent: nowhere\n", "categories.yaml:1: parent category 'nowhere' is not defined" },
        { "categories.yaml", "- slug: spine\n  name: Spine\n  parent: neck\n- slug: neck\n  name: Neck\n  parent: spine\n", "categories.yaml:1: category 'spine' is its own ancestor" },
        { "categories.yaml", "- slug: spine\n  name: Spine\n  disclaimers: [missing]\n", "categories.yaml:1: disclaimer 'missing' is not defined" },
        { "disclaimers.yaml", "- key: legal\n  title: Legal\n", "disclaimers.yaml:1: body is required" },
        { "facts.yaml", "- key: fact\n  text: A fact\n  weight: heavy\n", "facts.yaml:3: cannot read this value: The input string 'heavy' was not in a correct format." },
        { "facts.yaml", "- key: fact\n  text: A fact\n  activeFrom: someday\n", "facts.yaml:3: 'someday' is not a date" },
        { "disclaimers.yaml", "- key: legal\n  title: Legal\n  body: Text\n  placement: sidebar\n", "disclaimers.yaml:4: cannot read this value: Requested value" },
        { "facts.yaml", "- key: fact\n  text: A fact\n  weight: -1\n", "facts.yaml:1: weight must be 0 or more" },
        { "promotions.yaml", "- key: promo\n  heading: Promo\n  actionUrl: javascript:alert(1)\n", "promotions.yaml:1: actionUrl 'javascript:alert(1)' must be an absolute http or https URL" },
        { "site.yaml", "tagline: no name\n", "site.yaml:1: name is required" },
        { "articles/no-title.md", "---\ncategory: spine\n---\nText.\n", "articles/no-title.md:1: title is required" },
        { "articles/no-front-matter.md", "Just text.\n", "articles/no-front-matter.md:1: an article starts with YAML front matter" },
        { "articles/unclosed.md", "---\ntitle: Unclosed\nText.\n", "articles/unclosed.md:1: the front matter's closing '---' line is missing" },
        { "articles/bad-yaml.md", "---\ntitle: Fine\ntags: [unclosed\n---\nText.\n", "articles/bad-yaml.md:4: " },
        { "articles/unknown-category.md", "---\ntitle: Lost\ncategory: nowhere\n---\nText.\n", "articles/unknown-category.md:1: category 'nowhere' is not defined" },
        { "articles/empty-body.md", "---\ntitle: Empty\n---\n", "articles/empty-body.md:1: body is required" },
        { "categories.yaml", "- slug: spine\n  name: Spine\n  requiredDisclaimers: [missing]\n", "categories.yaml:1: disclaimer 'missing' is not defined" },
        { "articles/bad-doi.md", "---\ntitle: Cited\ncitations:\n  - title: Paper\n    url: https://example.org\n    doi: nonsense\n---\nText.\n", "articles/bad-doi.md:1: citations[0].doi must look like" },
        { "articles/nul-tag.md", "---\ntitle: Tagged\ntags: [\"back\\0pain\"]\n---\nText.\n", "articles/nul-tag.md:1: tags[0] holds the character U+0000" },
        { "facts.yaml", "- key: fact\n  text: \"A\\e fact\"\n", "facts.yaml:1: text holds the control character U+001B" },
        { "articles/review.md", "---\ntitle: Reviewed\nreviewedAt: 2026-05-01\n---\nText.\n", "articles/review.md:1: reviewedAt is set by a medical reviewer's approval" },
        { "articles/unknown-author.md", "---\ntitle: Authored\nauthors: [nobody]\n---\nText.\n", "articles/unknown-author.md:1: author 'nobody' is not defined in people.yaml" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Should_report_the_file_and_line_of_each_problem(string file, string text, string expected)
    {
        using var folder = SeedFolder.Empty()
            .Write("categories.yaml", "- slug: spine\n  name: Spine\n")
            .Write("articles/an-article.md", Article)
            .Write(file, text);

        var errors = Validate(folder.Path);

        Assert.Contains(errors, error => error.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_report_a_duplicate_article_slug_across_files()
    {
        using var folder = SeedFolder.Empty()
            .Write("categories.yaml", "- slug: spine\n  name: Spine\n")
            .Write("articles/a.md", "---\ntitle: A\nslug: same\n---\nText.\n")
            .Write("articles/b.md", "---\ntitle: B\nslug: same\n---\nText.\n");

        Assert.Equal(["articles/b.md:1: duplicate slug 'same' (first used at articles/a.md:1)"], Validate(folder.Path));
    }

    [Fact]
    public void Should_report_a_published_article_lacking_a_disclaimer_its_category_requires()
    {
        using var folder = SeedFolder.Empty()
            .Write("disclaimers.yaml", "- key: risks\n  title: Risks\n  body: Surgery has risks.\n")
            .Write("categories.yaml", "- slug: surgery\n  name: Surgery\n  requiredDisclaimers: [risks]\n- slug: spine\n  name: Spine\n  parent: surgery\n")
            .Write("articles/lacking.md", "---\ntitle: Lacking\ncategory: spine\n---\nText.\n")
            .Write("articles/carrying.md", "---\ntitle: Carrying\ncategory: spine\ndisclaimers: [risks]\n---\nText.\n")
            .Write("articles/draft.md", "---\ntitle: Draft\ncategory: spine\nstatus: draft\n---\nText.\n");

        Assert.Equal(
            ["articles/lacking.md:1: category 'surgery' requires the disclaimer 'risks', which this published article does not carry (attach it to the article or its category)"],
            Validate(folder.Path));
    }

    [Fact]
    public void Should_accept_the_repository_seed_data()
    {
        Assert.Empty(Validate(ContentHubFactory.RepositorySeedData));
    }

    private static List<string> Validate(string folder)
    {
        var errors = new List<SeedError>();
        var seeds = SeedReader.Read(folder, errors);
        SeedValidator.Validate(seeds, errors);
        return errors.Select(error => error.ToString()).ToList();
    }
}
