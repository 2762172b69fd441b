using System.CommandLine;
using ContentHub.Server.Seeding;
using ContentHub.Server.Seeding.Export;

namespace ContentHub.Server.Cli;

/// <summary>
/// <c>export DIR [--overwrite] [--json]</c>: all content as a seed folder, which <c>seed --path DIR</c> imports into an
/// empty database of any provider (docs/operations.md, "Export and move").
/// </summary>
public static class ExportVerb
{
    public static Command Create(IServiceProvider services)
    {
        var folder = new Argument<string>("folder") { Description = "The seed folder to write (relative to the current folder); new or empty." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace what the folder holds (once the export is complete)." };
        var export = new Command("export", "Write all content (not the trash) as a seed folder that 'seed --path' imports into an empty database of any provider.")
        {
            folder, overwrite,
        };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var target = Path.GetFullPath(parse.GetValue(folder)!);
            if (ExportFolder.Refusal(target, parse.GetValue(overwrite)) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                CliOutput.Print(parse, new ExportRefused(target, [new SeedError(target, 0, refusal)]));
                return 2;
            }

            var (summary, errors) = await ActivatorUtilities.CreateInstance<SeedExporter>(services)
                .ExportAsync(target, new ConsoleProgress(), cancellationToken);
            if (summary is null)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                await Console.Error.WriteLineAsync(
                    $"{errors.Count} problem(s): the folder would not import (an item refers to one in the trash?); nothing was written. Restore or change those items first.");
                CliOutput.Print(parse, new ExportRefused(target, errors));
                return 1;
            }

            CliOutput.Print(parse, summary, $"Exported to {summary.Folder}: {summary} in {summary.ElapsedSeconds:F1} s.");
            return 0;
        });
        return export;
    }

    /// <summary>What <c>--json</c> prints when nothing was exported (people read the problems on standard error).</summary>
    private sealed record ExportRefused(string Folder, IReadOnlyList<SeedError> Errors);

    /// <summary>A progress line on standard error, rewritten every 1% of the articles, for exports large enough to wait for.</summary>
    private sealed class ConsoleProgress : IProgress<ExportProgress>
    {
        private readonly ConsolePercentLine _line = new("Writing articles");

        public void Report(ExportProgress value)
        {
            _line.Show(value.Done, value.Total);
            if (value.Done == value.Total && value.Total >= ConsolePercentLine.ShownFrom)
            {
                Console.Error.WriteLine();
            }
        }
    }
}
