namespace ContentHub.Server.Seeding.Export;

/// <summary>What an export wrote (items by kind), what it left out (items in the trash) and how long it took.</summary>
public sealed record ExportSummary(
    string Folder,
    int Site,
    int Categories,
    int Disclaimers,
    int Facts,
    int Promotions,
    int People,
    int Articles,
    int Approvals,
    int Media,
    int TrashedLeftOut,
    double ElapsedSeconds)
{
    public override string ToString() =>
        $"{Site} site, {Categories} categories, {Disclaimers} disclaimers, {Facts} facts, {Promotions} promotions, {People} people, "
        + $"{Articles} articles ({Approvals} with their approval), {Media} media files; {TrashedLeftOut} items in the trash left out";
}

/// <summary>Progress of an export: articles written so far out of all.</summary>
public readonly record struct ExportProgress(int Done, int Total);
