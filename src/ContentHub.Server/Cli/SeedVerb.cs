using System.CommandLine;
using System.Text.Json.Serialization;
using ContentHub.Server.Data;
using ContentHub.Server.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Cli;

/// <summary><c>seed [--path DIR] [--dry-run] [--force] [--synthetic N]</c>: import a seed folder, then optionally generated articles.</summary>
public static class SeedVerb
{
    public static readonly IReadOnlyList<string> Settings =
    [
        .. VerbSettingsHelp.Database,
        "Seeding:Path (the folder when --path is not given)",
        "Media:Path, Media:MaxBytes, Media:MaxPixels (where the seed's images are stored, and their limits)",
    ];

    public static Command Create(IServiceProvider services)
    {
        var path = new Option<string?>("--path") { Description = "The seed folder (default: Seeding:Path, the repository's seed-data/)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and print what would be created, updated, left unchanged or skipped; write nothing." };
        var force = new Option<bool>("--force")
        {
            Description = "Also overwrite items editors changed since their import (not their status, nor items in the trash), as audited writes by 'seed'.",
        };
        var synthetic = new Option<int?>("--synthetic")
        {
            Description = $"After the seed folder, add N generated articles (synthetic-0000001 …, the same in every database; existing ones are skipped), at most {SyntheticContent.MaxCount:N0}.",
        };
        synthetic.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n && (n < 1 || n > SyntheticContent.MaxCount))
            {
                result.AddError($"--synthetic must be between 1 and {SyntheticContent.MaxCount:N0}.");
            }
        });
        var seed = new Command("seed", "Import a seed folder; a second run with the same files changes nothing, and items editors changed are skipped.") { path, dryRun, force, synthetic };
        seed.Validators.Add(result =>
        {
            if (result.GetValue(dryRun) && result.GetValue(synthetic) is not null)
            {
                result.AddError("--synthetic cannot be combined with --dry-run.");
            }
        });
        seed.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(path) ?? services.GetRequiredService<IOptions<SeedingOptions>>().Value.Path);
            var (exitCode, result) = await SeedAsync(services, folder, parse.GetValue(dryRun), parse.GetValue(force), cancellationToken);
            if (exitCode == 0 && parse.GetValue(synthetic) is { } count)
            {
                var report = await services.GetRequiredService<SyntheticContent>().GenerateAsync(count, new SyntheticConsoleProgress(), cancellationToken);
                result = result with { Synthetic = new SyntheticSummary(report.Created, report.Skipped, report.CategoriesCreated, report.Elapsed.TotalSeconds) };
            }

            CliOutput.Print(parse, result, Lines(result));
            return exitCode;
        });
        return seed;
    }

    private static async Task<(int ExitCode, SeedSummary Result)> SeedAsync(
        IServiceProvider services, string folder, bool dryRun, bool force, CancellationToken cancellationToken)
    {
        if (!dryRun)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        else if (await IsPartlyMigratedAsync(services, cancellationToken))
        {
            const string lagging = "The database lags this version's migrations; a dry run cannot compare against it. Run 'seed' without --dry-run or start the server once.";
            await Console.Error.WriteLineAsync(lagging);
            return (1, new SeedSummary(folder, dryRun, new SeedReport(), [SeedError.InDatabase(lagging)]));
        }

        var (report, errors) = await services.GetRequiredService<SeedRunner>()
            .RunAsync(folder, dryRun, force, new SeedConsoleProgress(), cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            await Console.Error.WriteLineAsync($"{errors.Count} problem(s) in {folder}; nothing was written.");
            return (1, new SeedSummary(folder, dryRun, new SeedReport(), errors));
        }

        return (0, new SeedSummary(folder, dryRun, report!, []));
    }

    private static IEnumerable<string> Lines(SeedSummary result)
    {
        if (result.Errors.Count > 0)
        {
            yield break;
        }

        foreach (var item in result.Items)
        {
            yield return $"{(result.DryRun ? "would be " : "")}{item}";
        }

        yield return result.DryRun
            ? $"Dry run, nothing written: {result.Report.Summary()}."
            : $"Seeded {result.Folder}: {result.Report.Summary()}.";
        if (result.Synthetic is { } synthetic)
        {
            yield return $"Synthetic: {synthetic.Created} articles created, {synthetic.Skipped} already there, {synthetic.CategoriesCreated} categories created " +
                $"in {synthetic.ElapsedSeconds:F1} s ({synthetic.Created / Math.Max(synthetic.ElapsedSeconds, 0.001):F0} articles/s).";
        }
    }

    private static async Task<bool> IsPartlyMigratedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
            && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }

    /// <summary>What <c>seed --json</c> prints: the counts, every item's outcome, the problems that stopped it, and the generated articles.</summary>
    private sealed record SeedSummary(string Folder, bool DryRun, [property: JsonIgnore] SeedReport Report, IReadOnlyList<SeedError> Errors)
    {
        public int Created => Report.Count(SeedOutcome.Created);

        public int Updated => Report.Count(SeedOutcome.Updated);

        public int Unchanged => Report.Count(SeedOutcome.Unchanged);

        public int Skipped => Report.Count(SeedOutcome.Skipped);

        public IReadOnlyList<SeedReportItem> Items => Report.Items;

        public SyntheticSummary? Synthetic { get; init; }
    }

    private sealed record SyntheticSummary(int Created, int Skipped, int CategoriesCreated, double ElapsedSeconds);

    /// <summary>Progress lines on standard error for imports large enough to wait for.</summary>
    private sealed class SeedConsoleProgress : IProgress<SeedProgress>
    {
        private readonly ConsolePercentLine _preparing = new("Preparing");

        public void Report(SeedProgress value)
        {
            if (value.Total < ConsolePercentLine.ShownFrom)
            {
                return;
            }

            switch (value.Stage)
            {
                case SeedStage.Preparing:
                    _preparing.Show(value.Done, value.Total);
                    break;
                case SeedStage.Writing:
                    Console.Error.Write($"\nWriting {value.Total} items in one transaction...");
                    break;
                case SeedStage.Written:
                    Console.Error.WriteLine(" done.");
                    break;
            }
        }
    }

    /// <summary>One progress line on standard error, rewritten after every batch.</summary>
    private sealed class SyntheticConsoleProgress : IProgress<SyntheticProgress>
    {
        public void Report(SyntheticProgress value)
        {
            var rate = value.Done / Math.Max(value.Elapsed.TotalSeconds, 0.001);
            Console.Error.Write($"\rSynthetic articles {value.Done}/{value.Total} ({value.Done * 100L / value.Total}%), {rate:F0}/s");
            if (value.Done == value.Total)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
