namespace ContentHub.Server.Articles;

/// <summary>Published articles a change would leave without a required disclaimer.</summary>
/// <param name="Key">The disclaimer's key.</param>
/// <param name="RequiredBy">The categories requiring it, of the articles named.</param>
/// <param name="Articles">The first slugs, in slug order.</param>
/// <param name="Total">How many articles in all.</param>
/// <param name="Field">The input field of the change that dropped it.</param>
public sealed record DisclaimerLoss(string Key, IReadOnlyList<string> RequiredBy, IReadOnlyList<string> Articles, int Total, string Field)
{
    public string Message =>
        $"The disclaimer '{Key}', required by the {(RequiredBy.Count == 1 ? "category" : "categories")} {Quoted(RequiredBy)}, would no longer reach " +
        $"{(Total == 1 ? "the published article" : $"{Total} published articles")} {Quoted(Articles)}" +
        $"{(Total > Articles.Count ? $" and {Total - Articles.Count} more" : "")}. Attach it to them or to their category first.";

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));
}
