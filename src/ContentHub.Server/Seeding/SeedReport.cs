namespace ContentHub.Server.Seeding;

public enum SeedOutcome
{
    Created,
    Updated,
    Unchanged,
    Skipped,
}

/// <summary>What an import did (or would do) to one item; a skipped item says why and where its seed is.</summary>
public sealed record SeedReportItem(string Kind, string Key, SeedOutcome Outcome, string? Reason = null, string? Location = null)
{
    public override string ToString() => Outcome == SeedOutcome.Skipped
        ? $"skipped ({Reason}) {Kind} {Key} at {Location}"
        : $"{Outcome.ToString().ToLowerInvariant(),-9} {Kind} {Key}";
}

/// <summary>What an import did (or, in a dry run, would do) to each item.</summary>
public sealed class SeedReport
{
    private readonly List<SeedReportItem> _items = [];

    public IReadOnlyList<SeedReportItem> Items => _items;

    public void Add(SeedReportItem item) => _items.Add(item);

    /// <summary>What importing <paramref name="seeds"/> into a database without content would do.</summary>
    public static SeedReport AllCreated(SeedSet seeds)
    {
        var report = new SeedReport();
        foreach (var (kind, key) in seeds.Keys())
        {
            report.Add(new SeedReportItem(kind, key, SeedOutcome.Created));
        }

        return report;
    }

    public int Count(SeedOutcome outcome) => _items.Count(item => item.Outcome == outcome);

    public string Summary() =>
        $"{Count(SeedOutcome.Created)} created, {Count(SeedOutcome.Updated)} updated, {Count(SeedOutcome.Unchanged)} unchanged, {Count(SeedOutcome.Skipped)} skipped";
}
