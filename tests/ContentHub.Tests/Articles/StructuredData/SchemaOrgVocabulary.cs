using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContentHub.Tests.Articles.StructuredData;

/// <summary>
/// Checks JSON-LD against the schema.org vocabulary (the subset in <c>schemaorg-vocabulary-subset.jsonld</c>): every
/// node's type is a class, every property is defined for that class or one of its ancestors, and every value is of a
/// type in the property's range — a node of a class (or a subclass) it names, or a text, URL, date or date-time it
/// names, in the ISO 8601 forms schema.org asks for.
/// </summary>
public sealed partial class SchemaOrgVocabulary
{
    private const string Prefix = "schema:";

    private readonly Dictionary<string, JsonObject> _terms;

    private SchemaOrgVocabulary(Dictionary<string, JsonObject> terms) => _terms = terms;

    public static SchemaOrgVocabulary Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Articles", "StructuredData", "schemaorg-vocabulary-subset.jsonld");
        var graph = JsonNode.Parse(File.ReadAllText(path))!["@graph"]!.AsArray();
        return new SchemaOrgVocabulary(graph.Select(term => term!.AsObject()).ToDictionary(term => term["@id"]!.GetValue<string>()));
    }

    /// <summary>What is wrong with <paramref name="document"/>, each as "path: problem"; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems(JsonObject document)
    {
        var problems = new List<string>();
        if (document["@context"]?.GetValue<string>() != "https://schema.org")
        {
            problems.Add("$: @context must be https://schema.org");
        }

        CheckNode(document, "$", problems);
        return problems;
    }

    private void CheckNode(JsonObject node, string path, List<string> problems)
    {
        var type = Prefix + node["@type"]?.GetValue<string>();
        if (!IsClass(type))
        {
            problems.Add($"{path}: @type '{node["@type"]}' is not a schema.org class");
            return;
        }

        foreach (var (name, value) in node)
        {
            if (name is "@context" or "@type" or "@id")
            {
                continue;
            }

            var propertyPath = $"{path}.{name}";
            if (!_terms.TryGetValue(Prefix + name, out var property) || !IsOf(property["@type"], "rdf:Property"))
            {
                problems.Add($"{propertyPath}: not a schema.org property");
                continue;
            }

            if (!Ids(property["schema:domainIncludes"]).Any(domain => IsSubclass(type, domain)))
            {
                problems.Add($"{propertyPath}: not a property of {type} or its ancestors");
                continue;
            }

            var ranges = Ids(property["schema:rangeIncludes"]).ToList();
            var values = value is JsonArray array ? array.ToList() : [value];
            foreach (var (item, index) in values.Select((item, index) => (item, index)))
            {
                CheckValue(item, value is JsonArray ? $"{propertyPath}[{index}]" : propertyPath, ranges, problems);
            }
        }
    }

    private void CheckValue(JsonNode? value, string path, List<string> ranges, List<string> problems)
    {
        switch (value)
        {
            case JsonObject node:
                var type = Prefix + node["@type"]?.GetValue<string>();
                if (!ranges.Any(range => IsSubclass(type, range)))
                {
                    problems.Add($"{path}: a {type} where {string.Join(" or ", ranges)} is expected");
                    return;
                }

                CheckNode(node, path, problems);
                return;
            case JsonValue text when text.TryGetValue<string>(out var s):
                if (!ranges.Any(range => Accepts(range, s)))
                {
                    problems.Add($"{path}: '{s}' is not a {string.Join(" or ", ranges)}");
                }

                return;
            default:
                problems.Add($"{path}: {value?.ToJsonString() ?? "null"} is neither a node nor a text");
                return;
        }
    }

    private static bool Accepts(string dataType, string value) => dataType switch
    {
        "schema:Text" => true,
        "schema:URL" => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
        "schema:Date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "schema:DateTime" => IsoDateTime().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => false,
    };

    private bool IsClass(string id) =>
        _terms.TryGetValue(id, out var term) && IsOf(term["@type"], "rdfs:Class") && !IsOf(term["@type"], "schema:DataType");

    private bool IsSubclass(string type, string ancestor) =>
        type == ancestor || (_terms.TryGetValue(type, out var term) && Ids(term["rdfs:subClassOf"]).Any(parent => IsSubclass(parent, ancestor)));

    private static bool IsOf(JsonNode? types, string type) => Ids(types, bare: true).Contains(type);

    private static IEnumerable<string> Ids(JsonNode? node, bool bare = false) => node switch
    {
        null => [],
        JsonArray array => array.SelectMany(item => Ids(item, bare)),
        JsonObject reference => [reference["@id"]!.GetValue<string>()],
        JsonValue value when bare => [value.GetValue<string>()],
        _ => [],
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();
}
