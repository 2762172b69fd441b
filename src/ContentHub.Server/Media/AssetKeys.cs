using ContentHub.Server.Content;
using ContentHub.Server.GraphQL.Caching;

namespace ContentHub.Server.Media;

/// <summary>
/// The response-cache key of the asset library: an answer that shows an asset's image reads it, and every upload and
/// asset edit changes it — a moved focal point gives new rendition URLs, a trashed asset none, and a new upload may be
/// the one a <c>/media/&lt;file&gt;</c> path names.
/// </summary>
public static class AssetKeys
{
    private static readonly string s_library = ContentKeys.Collection(nameof(Asset));

    public static IReadOnlyCollection<string> Changed { get; } = [s_library];

    public static void ReadBy(ResponseCachePolicy policy) => policy.Read(s_library);
}
