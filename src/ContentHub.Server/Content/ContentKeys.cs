namespace ContentHub.Server.Content;

/// <summary>
/// Names of what an answer read and a write changed: one item (<c>article:42</c>), or a whole content type's
/// collection (<c>articles</c>: membership and order of its lists). They are also the <c>Surrogate-Key</c>s of GET answers.
/// </summary>
public static class ContentKeys
{
    /// <summary>Every answer depends on this key: a change to it (e.g. a bulk import) invalidates them all.</summary>
    public const string Everything = "*";

    public static IReadOnlyCollection<string> All { get; } = [Everything];
}
