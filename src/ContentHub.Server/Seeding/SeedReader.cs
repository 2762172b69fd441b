using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using ContentHub.Server.People;
using ContentHub.Server.Promotions;
using ContentHub.Server.Site;

namespace ContentHub.Server.Seeding;

/// <summary>
/// Reads a seed folder: <c>site.yaml</c>, <c>categories.yaml</c>, <c>disclaimers.yaml</c>, <c>facts.yaml</c>,
/// <c>promotions.yaml</c>, <c>people.yaml</c> (each optional) and <c>articles/*.md</c> (Markdown with YAML front matter).
/// </summary>
public static class SeedReader
{
    private const string FrontMatterFence = "---";

    public static SeedSet Read(string folder, List<SeedError> errors)
    {
        var seeds = new SeedSet();
        if (!Directory.Exists(folder))
        {
            errors.Add(new SeedError(folder, 0, "seed folder not found"));
            return seeds;
        }

        if (ReadText(folder, "site.yaml") is { } site)
        {
            var item = SeedYaml.ReadOne<SiteSeed>(site, "site.yaml", 0, errors);
            seeds.Site = item is null ? null : new Located<SiteSeed>(item, "site.yaml", 1);
        }

        seeds.Categories.AddRange(ReadList<CategorySeed>(folder, "categories.yaml", errors));
        seeds.Disclaimers.AddRange(ReadList<DisclaimerSeed>(folder, "disclaimers.yaml", errors));
        seeds.Facts.AddRange(ReadList<FactSeed>(folder, "facts.yaml", errors));
        seeds.Promotions.AddRange(ReadList<PromotionSeed>(folder, "promotions.yaml", errors));
        seeds.People.AddRange(ReadList<PersonSeed>(folder, "people.yaml", errors));

        var articles = Path.Combine(folder, "articles");
        if (Directory.Exists(articles))
        {
            foreach (var path in Directory.EnumerateFiles(articles, "*.md").Order(StringComparer.Ordinal))
            {
                if (ReadArticle(path, $"articles/{Path.GetFileName(path)}", errors) is { } article)
                {
                    seeds.Articles.Add(article);
                }
            }
        }

        return seeds;
    }

    public static Located<ArticleSeed>? ReadArticle(string path, string file, List<SeedError> errors)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != FrontMatterFence)
        {
            errors.Add(new SeedError(file, 1, "an article starts with YAML front matter between two '---' lines"));
            return null;
        }

        var closing = Array.FindIndex(lines, 1, line => line.TrimEnd() == FrontMatterFence);
        if (closing < 0)
        {
            errors.Add(new SeedError(file, 1, "the front matter's closing '---' line is missing"));
            return null;
        }

        var frontMatter = string.Join('\n', lines[1..closing]);
        var seed = SeedYaml.ReadOne<ArticleSeed>(frontMatter, file, 1, errors);
        if (seed is null)
        {
            return null;
        }

        seed.Slug ??= Path.GetFileNameWithoutExtension(path);
        seed.Body = string.Join('\n', lines[(closing + 1)..]).Trim();
        return new Located<ArticleSeed>(seed, file, 1);
    }

    private static List<Located<T>> ReadList<T>(string folder, string file, List<SeedError> errors)
        where T : class =>
        ReadText(folder, file) is { } text ? SeedYaml.ReadList<T>(text, file, errors) : [];

    private static string? ReadText(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
