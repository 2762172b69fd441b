using System.Text.Json;

namespace ContentHub.Server.GraphQL.PersistedQueries;

/// <summary>
/// The documents registered for trusted-documents mode, read once at start from JSON manifests that map an id to
/// a document: <c>{ "&lt;sha256 hash&gt;": "query … { … }" }</c>, as graphql-codegen's persisted documents and
/// Relay's persisted queries write them. Ids may carry the <c>sha256:</c> prefix.
/// </summary>
public sealed class TrustedDocuments
{
    private const string Sha256Prefix = "sha256:";

    private readonly Dictionary<string, string> _byId;
    private readonly HashSet<string> _texts;

    private TrustedDocuments(bool enabled, Dictionary<string, string> byId)
    {
        Enabled = enabled;
        _byId = byId;
        _texts = byId.Values.ToHashSet(StringComparer.Ordinal);
    }

    public bool Enabled { get; }

    public int Count => _byId.Count;

    public string? Find(string id) => _byId.GetValueOrDefault(WithoutPrefix(id));

    /// <summary>Whether <paramref name="query"/> is, character for character, one of the registered documents.</summary>
    public bool Contains(string query) => _texts.Contains(query);

    public static TrustedDocuments Load(TrustedDocumentsOptions options, string contentRoot)
    {
        if (!options.Enabled)
        {
            return new TrustedDocuments(enabled: false, []);
        }

        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new InvalidOperationException($"{TrustedDocumentsOptions.Section}:Path must name a manifest or a folder of them.");
        }

        var path = Path.Combine(contentRoot, options.Path);
        string[] files = Directory.Exists(path) ? [.. Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal)]
            : File.Exists(path) ? [path]
            : throw new FileNotFoundException($"{TrustedDocumentsOptions.Section}:Path: no manifest or folder at {path}.", path);

        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"{file}: expected a JSON object mapping ids to documents.");
            foreach (var (id, document) in manifest)
            {
                if (byId.TryGetValue(WithoutPrefix(id), out var other) && other != document)
                {
                    throw new InvalidDataException($"{file}: the id {id} names two different documents.");
                }

                byId[WithoutPrefix(id)] = document;
            }
        }

        return new TrustedDocuments(enabled: true, byId);
    }

    private static string WithoutPrefix(string id) =>
        id.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase) ? id[Sha256Prefix.Length..] : id;
}
