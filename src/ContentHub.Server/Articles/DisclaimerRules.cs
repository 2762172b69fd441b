using System.Runtime.CompilerServices;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Data;
using ContentHub.Server.Disclaimers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ContentHub.Server.Articles;

/// <summary>
/// What categories require of the articles filed under them, and what reaches those articles without their own
/// help (site-wide disclaimers, those attached to their category): a snapshot of the category and disclaimer
/// tables, which are small, so that the large article table is only ever queried, never loaded.
/// </summary>
public sealed class DisclaimerRules
{
    private static readonly ConditionalWeakTable<IDbContextTransaction, ReadRules> s_readIn = [];

    private readonly Dictionary<int, CategoryRule> _categories;
    private readonly Dictionary<int, DisclaimerRule> _disclaimers;

    private DisclaimerRules(Dictionary<int, CategoryRule> categories, Dictionary<int, DisclaimerRule> disclaimers)
    {
        _categories = categories;
        _disclaimers = disclaimers;
    }

    /// <summary>
    /// The rules as the database holds them (inside a write's transaction: including what it has saved), and held so
    /// until that transaction ends: a concurrent write that reads them waits (see <see cref="ContentHubDbContext.LockUntilCommitAsync"/>).
    /// What a check decides by must be read here or later, not from entities loaded before.
    /// </summary>
    /// <remarks>
    /// Read once per transaction until it saves a change to them: a bulk publication or an import of many
    /// published articles checks each against the same rules.
    /// </remarks>
    public static async Task<DisclaimerRules> ReadAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null && s_readIn.TryGetValue(transaction, out var read) && read.Stamp == db.DisclaimerRulesStamp)
        {
            return read.Rules;
        }

        var rules = await ReadFromDatabaseAsync(db, cancellationToken);
        if (transaction is not null)
        {
            s_readIn.AddOrUpdate(transaction, new ReadRules(rules, db.DisclaimerRulesStamp));
        }

        return rules;
    }

    private static async Task<DisclaimerRules> ReadFromDatabaseAsync(ContentHubDbContext db, CancellationToken cancellationToken)
    {
        await db.LockUntilCommitAsync(nameof(DisclaimerRules), cancellationToken);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.ParentId, c.Slug, c.RequiredDisclaimers, Attached = c.Disclaimers.Select(d => d.Id).ToList() })
            .ToListAsync(cancellationToken);
        var disclaimers = await db.Disclaimers.AsNoTracking()
            .Select(d => new { d.Id, d.Key, d.Status, d.SiteWide })
            .ToListAsync(cancellationToken);
        return new DisclaimerRules(
            categories.ToDictionary(c => c.Id, c => new CategoryRule(c.ParentId, c.Slug, c.RequiredDisclaimers, c.Attached)),
            disclaimers.ToDictionary(d => d.Id, d => new DisclaimerRule(d.Key, d.Status == PublicationStatus.Published, d.SiteWide)));
    }

    /// <summary>These rules with <paramref name="category"/> as it stands in memory (a change not saved yet).</summary>
    public DisclaimerRules With(Category category) =>
        new(new(_categories) { [category.Id] = new(category.Parent?.Id, category.Slug, category.RequiredDisclaimers, category.Disclaimers.Select(d => d.Id).ToList()) },
            _disclaimers);

    /// <summary>These rules with <paramref name="disclaimer"/> as it stands in memory, in <paramref name="status"/>.</summary>
    public DisclaimerRules With(Disclaimer disclaimer, PublicationStatus status) =>
        new(_categories, new(_disclaimers) { [disclaimer.Id] = new(disclaimer.Key, status == PublicationStatus.Published, disclaimer.SiteWide) });

    /// <summary>
    /// The keys an article in <paramref name="categoryId"/> must carry itself, each with the category requiring it:
    /// required by the category or one above it, and neither site-wide nor attached to the category (published).
    /// </summary>
    public IReadOnlyDictionary<string, string> GapsOf(int? categoryId)
    {
        var gaps = new Dictionary<string, string>(StringComparer.Ordinal);
        if (categoryId is not { } id || !_categories.TryGetValue(id, out var own))
        {
            return gaps;
        }

        var seen = new HashSet<int>();
        for (int? current = id; current is { } at && seen.Add(at) && _categories.TryGetValue(at, out var category); current = category.ParentId)
        {
            foreach (var key in category.Required.Where(key => !gaps.ContainsKey(key) && !ReachesCategory(key, own)))
            {
                gaps[key] = category.Slug;
            }
        }

        return gaps;
    }

    /// <summary><see cref="GapsOf"/> every category that has some.</summary>
    public Dictionary<int, IReadOnlyDictionary<string, string>> Gaps() =>
        _categories.Keys.Select(id => (Id: id, Gaps: GapsOf(id))).Where(c => c.Gaps.Count > 0).ToDictionary(c => c.Id, c => c.Gaps);

    /// <summary>The keys of those of <paramref name="disclaimerIds"/> that are published.</summary>
    public IEnumerable<string> PublishedKeys(IEnumerable<int> disclaimerIds) =>
        disclaimerIds.Select(id => _disclaimers.GetValueOrDefault(id)).OfType<DisclaimerRule>().Where(d => d.Published).Select(d => d.Key);

    /// <summary>The published disclaimer with <paramref name="key"/>: the one an article can carry it by.</summary>
    public int? PublishedId(string key) =>
        _disclaimers.Where(d => d.Value.Published && d.Value.Key == key).Select(d => (int?)d.Key).FirstOrDefault();

    /// <summary>The input field of the change from <paramref name="before"/> to these rules that made articles lack <paramref name="key"/>.</summary>
    public string FieldThatDropped(DisclaimerRules before, string key)
    {
        var held = before.PublishedId(key);
        if (held is { } id && PublishedId(key) != id)
        {
            return _disclaimers.TryGetValue(id, out var now) && now.Key != key ? "key" : "id"; // renamed, or withdrawn (a status change)
        }

        var categories = _categories.Where(c => before._categories.ContainsKey(c.Key)).Select(c => (Now: c.Value, Before: before._categories[c.Key])).ToList();
        return categories.Any(c => c.Now.Required.Contains(key) && !c.Before.Required.Contains(key)) ? "requiredDisclaimers"
            : categories.Any(c => held is { } attached && c.Before.Attached.Contains(attached) && !c.Now.Attached.Contains(attached)) ? "disclaimers"
            : held is { } disclaimer && before._disclaimers[disclaimer].SiteWide && !_disclaimers[disclaimer].SiteWide ? "siteWide"
            : "parent";
    }

    private bool ReachesCategory(string key, CategoryRule category) =>
        _disclaimers.Any(d => d.Value.Key == key && d.Value.Published && (d.Value.SiteWide || category.Attached.Contains(d.Key)));

    private sealed record ReadRules(DisclaimerRules Rules, int Stamp);

    private sealed record CategoryRule(int? ParentId, string Slug, List<string> Required, List<int> Attached);

    private sealed record DisclaimerRule(string Key, bool Published, bool SiteWide);
}
