using System.CommandLine;
using ContentHub.Server.Data;
using ContentHub.Server.Seeding;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Cli;

/// <summary>
/// Verbs of the server executable: <c>seed [--path DIR] [--dry-run] [--force] [--synthetic N]</c>, <c>schema</c>, <c>keys …</c> and <c>backup FILE</c>. Any other arguments
/// (such as <c>--Database:Provider SqlServer</c>) are configuration, read by the host as usual.
/// </summary>
public static class CliVerbs
{
    private static readonly string[] s_commands = ["seed", "schema", "keys", "backup", "export"];
    private static readonly string[] s_helpOptions = ["--help", "-h", "-?", "--version"];

    /// <summary>
    /// Whether the arguments name a verb or ask for help — or start with a bare word, which can only be a mistyped verb:
    /// settings are <c>--Key value</c> or <c>Key=value</c>, so a typo never starts the server.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (s_commands.Contains(args[0]) || s_helpOptions.Contains(args[0]) || (!args[0].StartsWith('-') && !args[0].Contains('=')));

    /// <summary>
    /// Standard output carries the verb's result (a report, the SDL), so logs go to standard error, warnings only.
    /// A provider-specific rule outranks the category rules of appsettings.*.json.
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.AddFilter<ConsoleLoggerProvider>(category: null, LogLevel.Warning);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!s_commands.Contains(args[0]) && !s_helpOptions.Contains(args[0]))
        {
            var suggestion = s_commands.FirstOrDefault(command => command.StartsWith(args[0], StringComparison.Ordinal) || EditDistance(command, args[0]) <= 2);
            await Console.Error.WriteLineAsync(
                $"'{args[0]}' is not a command.{(suggestion is null ? "" : $" Did you mean '{suggestion}'?")} Commands: {string.Join(", ", s_commands)}; --help says more.");
            return 2;
        }

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
            var exitCode = await SeedAsync(app.Services, parse.GetValue(path), parse.GetValue(dryRun), parse.GetValue(force), cancellationToken);
            return exitCode == 0 && parse.GetValue(synthetic) is { } count
                ? await SyntheticAsync(app.Services, count, cancellationToken)
                : exitCode;
        });

        var schema = new Command("schema", "Print the GraphQL schema (SDL).");
        schema.SetAction(_ =>
        {
            Console.Out.WriteLine(app.Services.GetRequiredService<ISchema>().Print());
            return 0;
        });

        var root = new RootCommand(
            "ContentHub: a GraphQL content service. Without a command it migrates the database, seeds it when empty and serves GraphQL "
            + "(and Banana Cake Pop) at /graphql on --urls. Settings are arguments too, e.g. --Database:Provider PostgreSql; "
            + "appsettings.json and relative paths are read from the server's own folder.") { seed, schema, KeyVerbs.Create(app.Services), BackupVerb.Create(app.Services), ExportVerb.Create(app.Services) };
        root.TreatUnmatchedTokensAsErrors = false;
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>The Levenshtein distance: how many characters to insert, delete or replace to turn one word into the other.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static async Task<int> SeedAsync(IServiceProvider services, string? path, bool dryRun, bool force, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(path ?? services.GetRequiredService<IOptions<SeedingOptions>>().Value.Path);
        if (!dryRun)
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        else if (await IsPartlyMigratedAsync(services, cancellationToken))
        {
            await Console.Error.WriteLineAsync("The database lags this version's migrations; a dry run cannot compare against it. Run 'seed' without --dry-run or start the server once.");
            return 1;
        }

        var (report, errors) = await services.GetRequiredService<SeedRunner>()
            .RunAsync(folder, dryRun, force, new ConsoleProgress(), cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            await Console.Error.WriteLineAsync($"{errors.Count} problem(s) in {folder}; nothing was written.");
            return 1;
        }

        foreach (var item in report!.Items)
        {
            Console.Out.WriteLine($"{(dryRun ? "would be " : "")}{item}");
        }

        Console.Out.WriteLine(dryRun ? $"Dry run, nothing written: {report.Summary()}." : $"Seeded {folder}: {report.Summary()}.");
        return 0;
    }

    private static async Task<int> SyntheticAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<SyntheticContent>()
            .GenerateAsync(count, new SyntheticConsoleProgress(), cancellationToken);
        Console.Out.WriteLine(
            $"Synthetic: {report.Created} articles created, {report.Skipped} already there, {report.CategoriesCreated} categories created " +
            $"in {report.Elapsed.TotalSeconds:F1} s ({report.ArticlesPerSecond:F0} articles/s).");
        return 0;
    }

    private static async Task<bool> IsPartlyMigratedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ContentHubDbContext>>().CreateDbContextAsync(cancellationToken);
        return (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
            && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }

    /// <summary>Progress lines on standard error for imports large enough to wait for.</summary>
    private sealed class ConsoleProgress : IProgress<SeedProgress>
    {
        private const int ShownFrom = 500;
        private int _lastPercent = -1;

        public void Report(SeedProgress value)
        {
            if (value.Total < ShownFrom)
            {
                return;
            }

            switch (value.Stage)
            {
                case SeedStage.Preparing:
                    var percent = value.Done * 100 / value.Total;
                    if (percent != _lastPercent)
                    {
                        _lastPercent = percent;
                        Console.Error.Write($"\rPreparing {value.Done}/{value.Total} ({percent}%)");
                    }

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
