using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ContentHub.Server.Cli;

/// <summary>
/// What a verb prints on standard output: lines for people, or with <c>--json</c> one JSON object for scripts.
/// Progress and problems always go to standard error, so the output stays clean either way.
/// </summary>
public static class CliOutput
{
    public static readonly Option<bool> Json = new("--json") { Description = "Print the result as one JSON object on standard output.", Recursive = true };

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Prints <paramref name="result"/> as JSON, after a <c>command</c> property naming the verb (<c>keys create</c>), or <paramref name="lines"/>.</summary>
    public static void Print(ParseResult parse, object result, params IEnumerable<string> lines)
    {
        if (parse.GetValue(Json))
        {
            var json = new JsonObject { ["command"] = CommandPath(parse.CommandResult) };
            foreach (var (name, value) in JsonSerializer.SerializeToNode(result, result.GetType(), s_json)!.AsObject().ToList())
            {
                json[name] = value?.DeepClone();
            }

            Console.Out.WriteLine(json.ToJsonString(s_json));
            return;
        }

        foreach (var line in lines)
        {
            Console.Out.WriteLine(line);
        }
    }

    private static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent && parent.Parent is not null ? $"{CommandPath(parent)} {result.Command.Name}" : result.Command.Name;
}
