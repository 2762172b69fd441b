using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentHub.Server.Seeding;

/// <summary>Reads seed YAML into typed items, keeping the line each item starts on.</summary>
public static partial class SeedYaml
{
    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithEnumNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new UtcDateTimeYamlConverter())
        .Build();

    /// <summary>A file whose top level is a list of items.</summary>
    public static List<Located<T>> ReadList<T>(string text, string file, List<SeedError> errors)
        where T : class
    {
        var items = new List<Located<T>>();
        Guard(file, 0, errors, () =>
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return;
            }

            parser.Consume<DocumentStart>();
            if (parser.Accept<Scalar>(out var empty) && empty.Value.Length == 0)
            {
                return;
            }

            if (!parser.TryConsume<SequenceStart>(out _))
            {
                errors.Add(new SeedError(file, LineOf(parser), "expected a list of items, each starting with '- '"));
                return;
            }

            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var line = LineOf(parser);
                if (s_deserializer.Deserialize<T>(parser) is { } item)
                {
                    items.Add(new Located<T>(item, file, line));
                }
                else
                {
                    errors.Add(new SeedError(file, line, "empty list item"));
                }
            }
        });
        return items;
    }

    /// <summary>A single mapping, such as a Markdown file's front matter that starts after <paramref name="firstLine"/>.</summary>
    public static T? ReadOne<T>(string text, string file, int firstLine, List<SeedError> errors)
        where T : class, new()
    {
        T? result = null;
        Guard(file, firstLine, errors, () => result = s_deserializer.Deserialize<T?>(text) ?? new T());
        return result;
    }

    private static int LineOf(IParser parser) => (int)(parser.Current?.Start.Line ?? 1);

    private static void Guard(string file, int lineOffset, List<SeedError> errors, Action read)
    {
        try
        {
            read();
        }
        catch (YamlException exception)
        {
            errors.Add(new SeedError(file, (int)exception.Start.Line + lineOffset, Describe(exception)));
        }
    }

    // YamlDotNet wraps the useful message and prefixes positions we already print. Below the innermost YamlException
    // lie the deserializer's own failures, worded for its authors, not for ours.
    private static string Describe(YamlException exception)
    {
        var innermost = exception;
        while (innermost.InnerException is YamlException inner)
        {
            innermost = inner;
        }

        var message = innermost.InnerException is { } cause
            ? $"cannot read this value: {cause.Message}"
            : PositionPrefix().Replace(innermost.Message, "");
        return TypeName().Replace(message, "this item");
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"type '[\w.`\[\], =]+'")]
    private static partial Regex TypeName();
}
