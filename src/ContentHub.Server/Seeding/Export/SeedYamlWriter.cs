using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ContentHub.Server.Articles;
using ContentHub.Server.Content;
using ContentHub.Server.Media;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace ContentHub.Server.Seeding.Export;

/// <summary>
/// Writes seed items as <see cref="SeedYaml"/> reads them back, always the same bytes for the same items: fields in
/// declaration order, only those the reader would not default to the same value, camelCase names and enum values,
/// dates in UTC (<see cref="UtcDateTimeYamlConverter"/>), multi-line text as literal blocks, LF line endings. An image
/// showing an uploaded asset is written with the <c>/media/&lt;file&gt;</c> path of the asset's file in the folder.
/// </summary>
public sealed class SeedYamlWriter
{
    private readonly ISerializer _serializer;

    /// <param name="assetFiles">The file name under <c>media/</c> of each exported asset, by asset id.</param>
    public SeedYamlWriter(IReadOnlyDictionary<int, string> assetFiles) =>
        _serializer = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithEnumNamingConvention(CamelCaseNamingConvention.Instance)
            .WithTypeConverter(new UtcDateTimeYamlConverter())
            .WithTypeConverter(new AssetImageConverter(assetFiles))
            .WithTypeConverter(new DecimalConverter())
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
            .WithQuotingNecessaryStrings()
            .WithIndentedSequences()
            .WithEventEmitter(next => new LiteralBlockEmitter(next))
            .DisableAliases()
            .WithNewLine("\n")
            .Build();

    /// <summary>A file whose top level is a list of items.</summary>
    public string List<T>(IEnumerable<T> items)
        where T : class, new() =>
        Serialize(items.Select(Fields).ToList());

    /// <summary>A file holding one item (<c>site.yaml</c>).</summary>
    public string One<T>(T item)
        where T : class, new() =>
        Serialize(Fields(item));

    /// <summary>An article file: front matter between two <c>---</c> lines, then the Markdown body.</summary>
    public string Article(ArticleSeed article) => $"---\n{One(article)}---\n{article.Body}\n";

    private string Serialize(object value) => _serializer.Serialize(value).ReplaceLineEndings("\n");

    /// <summary>The item's fields by their YAML names, leaving out those equal to what a new item has: the reader's defaults.</summary>
    private static Dictionary<string, object> Fields<T>(T item)
        where T : class, new()
    {
        var defaults = new T();
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p is { CanRead: true, CanWrite: true } && p.GetCustomAttribute<YamlIgnoreAttribute>() is null))
        {
            if (property.GetValue(item) is { } value && JsonSerializer.Serialize(value) != JsonSerializer.Serialize(property.GetValue(defaults)))
            {
                fields[CamelCaseNamingConvention.Instance.Apply(property.Name)] = value;
            }
        }

        return fields;
    }

    /// <summary>Text of several lines as a literal block (<c>|-</c>), readable and diffable; the emitter quotes what a block cannot hold.</summary>
    private sealed class LiteralBlockEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
            {
                eventInfo.Style = ScalarStyle.Literal;
            }

            base.Emit(eventInfo, emitter);
        }
    }

    /// <summary>An image as a seed file gives it: an uploaded asset by the path of its file in the folder's <c>media/</c>.</summary>
    private sealed class AssetImageConverter(IReadOnlyDictionary<int, string> assetFiles) : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(Image);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
            throw new NotSupportedException("Images are read by the seed reader's own deserializer.");

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
        {
            var image = (Image)value!;
            var url = image.AssetId is { } id && assetFiles.TryGetValue(id, out var file)
                ? string.Create(CultureInfo.InvariantCulture, $"{MediaPaths.Prefix}/{file}")
                : image.Url;
            serializer(new SeedImage(url, image.Alt), typeof(SeedImage));
        }
    }

    private sealed record SeedImage(string? Url, string Alt);

    /// <summary>A number without the trailing zeros of the column's scale, which some providers keep (PostgreSQL's numeric) and others drop.</summary>
    private sealed class DecimalConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(decimal);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
            throw new NotSupportedException("Numbers are read by the seed reader's own deserializer.");

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new YamlDotNet.Core.Events.Scalar(((decimal)value!).ToString("0.############################", CultureInfo.InvariantCulture)));
    }
}
