using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ContentHub.Server.Cli;

/// <summary>
/// Ends each verb's help with the settings it reads, so an operator can run it without reading the source. A verb's
/// subcommands (<c>keys create</c>) read what the verb names.
/// </summary>
public sealed class VerbSettingsHelp(HelpAction help, IReadOnlyDictionary<Command, IReadOnlyList<string>> settings) : SynchronousCommandLineAction
{
    public static readonly IReadOnlyList<string> Database = ["Database:Provider (Sqlite, PostgreSql or SqlServer)", "ConnectionStrings:ContentHub (the database)"];

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        for (var command = parseResult.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (settings.TryGetValue(command.Command, out var keys))
            {
                output.WriteLine("Settings read (as --Key value, environment variables or appsettings.json; see docs/configuration.md):");
                foreach (var key in keys)
                {
                    output.WriteLine($"  {key}");
                }

                output.WriteLine();
                break;
            }
        }

        return exitCode;
    }

    /// <summary>Replaces the root command's help with one that also names the settings.</summary>
    public static void Install(RootCommand root, IReadOnlyDictionary<Command, IReadOnlyList<string>> settings)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new VerbSettingsHelp((HelpAction)option.Action!, settings);
    }
}
