using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using ContentHub.Server.People;
using ContentHub.Server.Promotions;
using ContentHub.Server.Site;

namespace ContentHub.Server.Seeding;

/// <summary>Everything read from a seed folder, before validation.</summary>
public sealed class SeedSet
{
    public Located<SiteSeed>? Site { get; set; }

    public List<Located<CategorySeed>> Categories { get; } = [];

    public List<Located<DisclaimerSeed>> Disclaimers { get; } = [];

    public List<Located<FactSeed>> Facts { get; } = [];

    public List<Located<PromotionSeed>> Promotions { get; } = [];

    public List<Located<PersonSeed>> People { get; } = [];

    public List<Located<ArticleSeed>> Articles { get; } = [];

    public int Count => (Site is null ? 0 : 1) + Categories.Count + Disclaimers.Count + Facts.Count + Promotions.Count + People.Count + Articles.Count;

    /// <summary>Every item as (kind, key), in the order the importer writes them.</summary>
    public IEnumerable<(string Kind, string Key)> Keys() =>
        (Site is null ? [] : new[] { (SeedKinds.Site, Site.Item.NaturalKey!) })
            .Concat(KeysOf(Disclaimers, SeedKinds.Disclaimer))
            .Concat(KeysOf(Categories, SeedKinds.Category))
            .Concat(KeysOf(Facts, SeedKinds.Fact))
            .Concat(KeysOf(Promotions, SeedKinds.Promotion))
            .Concat(KeysOf(People, SeedKinds.Person))
            .Concat(KeysOf(Articles, SeedKinds.Article));

    private static IEnumerable<(string Kind, string Key)> KeysOf<T>(List<Located<T>> items, string kind)
        where T : ISeed =>
        items.Select(item => (kind, item.Item.NaturalKey!));
}
