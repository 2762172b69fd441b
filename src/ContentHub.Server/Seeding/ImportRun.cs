using ContentHub.Server.Data;

namespace ContentHub.Server.Seeding;

/// <summary>What one import shares across content types: its transaction's context, its time and mode, the report and errors.</summary>
public sealed class ImportRun(ContentHubDbContext db, DateTime now, bool force, int total, IProgress<SeedProgress>? progress)
{
    public ContentHubDbContext Db => db;

    public DateTime Now => now;

    /// <summary>Whether items the editors own are overwritten too (<c>seed --force</c>).</summary>
    public bool Force => force;

    public SeedReport Report { get; } = new();

    public List<SeedError> Errors { get; } = [];

    /// <summary>The keys of what the import changes once committed (<see cref="Content.ContentKeys"/>).</summary>
    public HashSet<string> ChangedKeys { get; } = new(StringComparer.Ordinal);

    public void Done(SeedReportItem item)
    {
        Report.Add(item);
        progress?.Report(new SeedProgress(SeedStage.Preparing, Report.Items.Count, total));
    }
}
