using System.Text.Json.Nodes;
using ContentHub.Server.Content;
using DiffPlex;
using DiffPlex.Chunkers;

namespace ContentHub.Server.Articles;

/// <summary>Compares two stored states of an article (revision snapshots): field by field, and the body's rendered text word by word.</summary>
public static class ArticleDiffing
{
    private static readonly DelimiterChunker s_words = new([' ', '\t', '\n', '.', ',', ';', ':', '!', '?', '(', ')']);

    public static ArticleDiff Compare(int fromVersion, JsonObject from, int toVersion, JsonObject to)
    {
        var fields = to.Select(field => field.Key).Concat(from.Select(field => field.Key)).Distinct(StringComparer.Ordinal)
            .Where(field => !JsonNode.DeepEquals(from[field], to[field]))
            .Select(field => new FieldChange(field, from[field]?.ToJsonString(), to[field]?.ToJsonString()))
            .ToList();
        return new ArticleDiff(fromVersion, toVersion, fields, Words(PlainText(from), PlainText(to)));
    }

    /// <summary>The runs of unchanged, deleted and inserted words turning <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static IReadOnlyList<TextChange> Words(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, s_words);
        var changes = new List<TextChange>();
        var next = 0; // the next piece of the older text not yet told
        foreach (var block in result.DiffBlocks)
        {
            Add(changes, TextChangeKind.Unchanged, result.PiecesOld, next, block.DeleteStartA - next);
            Add(changes, TextChangeKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(changes, TextChangeKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            next = block.DeleteStartA + block.DeleteCountA;
        }

        Add(changes, TextChangeKind.Unchanged, result.PiecesOld, next, result.PiecesOld.Count - next);
        return changes;
    }

    private static void Add(List<TextChange> changes, TextChangeKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count > 0)
        {
            changes.Add(new TextChange(kind, string.Concat(pieces.Skip(start).Take(count))));
        }
    }

    private static string PlainText(JsonObject snapshot) =>
        snapshot["body"]?.GetValue<string>() is { Length: > 0 } markdown ? MarkdownRenderer.Render(markdown).Text : "";
}
