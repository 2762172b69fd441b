using System.Collections.Concurrent;
using System.Globalization;
using ContentHub.Server.GraphQL;
using ContentHub.Server.Site;

namespace ContentHub.Server.Content;

/// <summary>
/// Names of what an answer read and a write changed, also the <c>Surrogate-Key</c>s of GET answers: one item
/// (<c>article:42</c>: its fields and relations), a content type's collection (<c>articles</c>: which items its
/// lists hold, in what order, how many, and which are picked), the slugs of a type (<c>article-slugs</c>: which item,
/// of any status, a slug names now or once named), and the site settings (<c>site</c>).
/// </summary>
public static class ContentKeys
{
    /// <summary>Every answer depends on this key: a change to it (e.g. a bulk import) invalidates them all.</summary>
    public const string Everything = "*";

    public const string Site = "site";

    public static IReadOnlyCollection<string> All { get; } = [Everything];

    /// <summary><c>article:</c> by type name: an answer names dozens of items, each lower-cased once per type, not per item.</summary>
    private static readonly ConcurrentDictionary<string, string> s_itemPrefixes = new(StringComparer.Ordinal);

    /// <summary><c>article:42</c>; <c>site</c> for the site settings.</summary>
    public static string Item(object item) => item switch
    {
        ContentItem content => Item(content.GetType().Name, content.Id),
        SiteSettings => Site,
        _ => throw new ArgumentException($"{item.GetType().Name} is not content.", nameof(item)),
    };

    public static string Item(string typeName, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"{s_itemPrefixes.GetOrAdd(typeName, static name => name.ToLowerInvariant() + ":")}{id}");

    /// <summary><c>articles</c>, <c>categories</c>; <c>site</c> for the site settings.</summary>
    public static string Collection(Type type) =>
        type == typeof(SiteSettings) ? Site : Collection(type.Name);

    public static string Collection(string typeName) => GraphQLNames.Plural(typeName).ToLowerInvariant();

    public static string Slugs(string typeName) => typeName.ToLowerInvariant() + "-slugs";

    /// <summary>Whether answers keep track of items of <paramref name="type"/> (content items and the site settings).</summary>
    public static bool IsContent(Type type) => type.IsAssignableTo(typeof(ContentItem)) || type == typeof(SiteSettings);
}
