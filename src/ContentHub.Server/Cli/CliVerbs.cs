using System.CommandLine;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Logging.Console;

namespace ContentHub.Server.Cli;

/// <summary>
/// Verbs of the server executable: <c>seed</c>, <c>schema</c>, <c>keys …</c>, <c>backup FILE</c> and <c>export DIR</c>, each with <c>--json</c>. Any other arguments
/// (such as <c>--Database:Provider SqlServer</c>) are configuration, read by the host as usual.
/// </summary>
public static class CliVerbs
{
    private static readonly string[] s_commands = ["seed", "schema", "keys", "backup", "export"];
    private static readonly string[] s_helpOptions = ["--help", "-h", "-?", "--version"];
    private static readonly string[] s_switches = ["--dry-run", "--force", "--json", "--overwrite"];

    /// <summary>
    /// Whether the arguments name a verb or ask for help — or start with a bare word, which can only be a mistyped verb:
    /// settings are <c>--Key value</c> or <c>Key=value</c>, so a typo never starts the server.
    /// </summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (s_commands.Contains(args[0]) || s_helpOptions.Contains(args[0]) || (!args[0].StartsWith('-') && !args[0].Contains('=')));

    /// <summary>
    /// The arguments the host reads as settings when a verb runs: <c>--Key value</c> pairs and <c>Key=value</c>. The
    /// verb's own words and switches are left out, because the host would take <c>/tmp/copy.db</c> for a setting and
    /// the argument after a switch for its value: <c>backup /tmp/copy.db --ConnectionStrings:ContentHub …</c> or
    /// <c>seed --dry-run --Database:Provider PostgreSql</c> would quietly use the default database.
    /// </summary>
    public static string[] SettingsOf(string[] args)
    {
        if (!Handles(args))
        {
            return args;
        }

        var settings = new List<string>();
        for (var index = 0; index < args.Length; index++)
        {
            var arg = args[index];
            if (arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=') && !s_switches.Contains(arg) && index + 1 < args.Length)
            {
                settings.Add(arg);
                settings.Add(args[++index]);
            }
            else if (arg.Contains('=') && !arg.StartsWith('/'))
            {
                settings.Add(arg);
            }
        }

        return [.. settings];
    }

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

        var seed = SeedVerb.Create(app.Services);
        var schema = new Command("schema", "Print the GraphQL schema (SDL).");
        schema.SetAction(_ =>
        {
            Console.Out.WriteLine(app.Services.GetRequiredService<ISchema>().Print());
            return 0;
        });

        var keys = KeyVerbs.Create(app.Services);
        var backup = BackupVerb.Create(app.Services);
        var export = ExportVerb.Create(app.Services);
        var root = new RootCommand(
            "ContentHub: a GraphQL content service. Without a command it migrates the database, seeds it when empty and serves GraphQL "
            + "(and Banana Cake Pop) at /graphql on --urls. Settings are arguments too, e.g. --Database:Provider PostgreSql; "
            + "appsettings.json and relative paths are read from the server's own folder.") { seed, schema, keys, backup, export, CliOutput.Json };
        VerbSettingsHelp.Install(root, new Dictionary<Command, IReadOnlyList<string>>
        {
            [seed] = SeedVerb.Settings,
            [schema] = ["none: the schema is the same for every configuration"],
            [keys] = VerbSettingsHelp.Database,
            [backup] = VerbSettingsHelp.Database,
            [export] = [.. VerbSettingsHelp.Database, "Media:Path (the asset store whose images are copied)"],
        });
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
}
