namespace ContentHub.Server.GraphQL;

public static class GraphQLNames
{
    /// <summary><c>Article</c> → <c>article</c>, for field names built from type names.</summary>
    public static string Camel(string typeName) => char.ToLowerInvariant(typeName[0]) + typeName[1..];

    /// <summary><c>Article</c> → <c>an article</c>, for descriptions built from type names.</summary>
    public static string Indefinite(string typeName) =>
        ("aeiou".Contains(char.ToLowerInvariant(typeName[0])) ? "an " : "a ") + typeName.ToLowerInvariant();

    /// <summary><c>Article</c> → <c>Articles</c>, <c>Category</c> → <c>Categories</c>, <c>Person</c> → <c>People</c>, for names of fields over several items.</summary>
    public static string Plural(string typeName) =>
        typeName == "Person" ? "People" : typeName.EndsWith('y') ? typeName[..^1] + "ies" : typeName + "s";
}
