namespace ContentHub.Server.Seeding;

public enum SeedOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>What an import did (or, in a dry run, would do) to each item.</summary>
public sealed class SeedReport
{
    private readonly List<(string Kind, string Key, SeedOutcome Outcome)> _items = [];

    public IReadOnlyList<(string Kind, string Key, SeedOutcome Outcome)> Items => _items;

    public void Add(string kind, string key, SeedOutcome outcome) => _items.Add((kind, key, outcome));

    /// <summary>What importing <paramref name="seeds"/> into a database without content would do.</summary>
    public static SeedReport AllCreated(SeedSet seeds)
    {
        var report = new SeedReport();
        foreach (var (kind, key) in seeds.Keys())
        {
            report.Add(kind, key, SeedOutcome.Created);
        }

        return report;
    }

    public int Count(SeedOutcome outcome) => _items.Count(item => item.Outcome == outcome);

    public string Summary() =>
        $"{Count(SeedOutcome.Created)} created, {Count(SeedOutcome.Updated)} updated, {Count(SeedOutcome.Unchanged)} unchanged";
}
