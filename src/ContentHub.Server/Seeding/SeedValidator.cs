using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;

namespace ContentHub.Server.Seeding;

/// <summary>Checks a whole seed set before anything is written: each item's fields, duplicates and references.</summary>
public static class SeedValidator
{
    public static void Validate(SeedSet seeds, List<SeedError> errors)
    {
        if (seeds.Site is { } site)
        {
            errors.AddRange(site.Item.Problems().Concat(TextCharacters.Problems(site.Item)).Select(problem => site.Error(problem.Message)));
        }

        CheckItems(seeds.Categories, "slug", errors);
        CheckItems(seeds.Disclaimers, "key", errors);
        CheckItems(seeds.Facts, "key", errors);
        CheckItems(seeds.Promotions, "key", errors);
        CheckItems(seeds.People, "slug", errors);
        CheckItems(seeds.Articles, "slug", errors);

        var categories = seeds.Categories.Where(c => c.Item.Slug is not null).DistinctBy(c => c.Item.Slug)
            .ToDictionary(c => c.Item.Slug!, c => c.Item, StringComparer.Ordinal);
        var disclaimers = seeds.Disclaimers.Select(d => d.Item.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var people = seeds.People.Select(p => p.Item.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var siteWide = seeds.Disclaimers.Where(d => d.Item is { SiteWide: true, Status: PublicationStatus.Published })
            .Select(d => d.Item.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);

        foreach (var category in seeds.Categories)
        {
            if (category.Item.Parent is { } parent && !categories.ContainsKey(parent))
            {
                errors.Add(category.Error($"parent category '{parent}' is not defined in categories.yaml"));
            }
            else if (IsInCycle(category.Item, categories))
            {
                errors.Add(category.Error($"category '{category.Item.Slug}' is its own ancestor through its parents"));
            }

            CheckDisclaimers(category, category.Item.Disclaimers, disclaimers, errors);
            CheckDisclaimers(category, category.Item.RequiredDisclaimers, disclaimers, errors);
        }

        foreach (var article in seeds.Articles)
        {
            if (article.Item.Category is { } slug && !categories.ContainsKey(slug))
            {
                errors.Add(article.Error($"category '{slug}' is not defined in categories.yaml"));
            }

            CheckDisclaimers(article, article.Item.Disclaimers, disclaimers, errors);
            errors.AddRange(article.Item.Authors.Where(author => !people.Contains(author))
                .Select(author => article.Error($"author '{author}' is not defined in people.yaml")));
            CheckRequiredDisclaimers(article, categories, siteWide, errors);
        }
    }

    /// <summary>A published article must carry what its category and those above it require, as when an editor publishes it.</summary>
    private static void CheckRequiredDisclaimers(
        Located<ArticleSeed> article, Dictionary<string, CategorySeed> categories, HashSet<string> siteWide, List<SeedError> errors)
    {
        if (article.Item.Status != PublicationStatus.Published || article.Item.Category is not { } slug || !categories.TryGetValue(slug, out var own))
        {
            return;
        }

        var carried = siteWide.Concat(article.Item.Disclaimers).Concat(own.Disclaimers).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var category = own; category is not null && seen.Add(category.Slug!); category = category.Parent is { } parent ? categories.GetValueOrDefault(parent) : null)
        {
            foreach (var key in category.RequiredDisclaimers.Where(key => !carried.Contains(key)))
            {
                errors.Add(article.Error($"category '{category.Slug}' requires the disclaimer '{key}', which this published article does not carry (attach it to the article or its category)"));
            }
        }
    }

    private static void CheckItems<T>(List<Located<T>> items, string keyName, List<SeedError> errors)
        where T : ISeed
    {
        var firstSeen = new Dictionary<string, Located<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            errors.AddRange(item.Item.Problems().Concat(TextCharacters.Problems(item.Item)).Select(problem => item.Error(problem.Message)));
            if (item.Item.NaturalKey is not { } key)
            {
                continue;
            }

            if (firstSeen.TryGetValue(key, out var first))
            {
                errors.Add(item.Error($"duplicate {keyName} '{key}' (first used at {first.File}:{first.Line})"));
            }
            else
            {
                firstSeen[key] = item;
            }
        }
    }

    private static void CheckDisclaimers<T>(Located<T> owner, List<string> keys, HashSet<string> known, List<SeedError> errors)
    {
        foreach (var key in keys.Where(key => !known.Contains(key)))
        {
            errors.Add(owner.Error($"disclaimer '{key}' is not defined in disclaimers.yaml"));
        }
    }

    private static bool IsInCycle(CategorySeed category, Dictionary<string, CategorySeed> bySlug)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = category;
        while (current.Parent is { } parent)
        {
            if (parent == category.Slug)
            {
                return true;
            }

            // A loop that does not pass through this category is reported for the categories on it.
            if (!visited.Add(parent) || !bySlug.TryGetValue(parent, out var next))
            {
                return false;
            }

            current = next;
        }

        return false;
    }
}
