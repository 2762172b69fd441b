namespace ContentHub.Server.Articles;

/// <summary>What changed in an article between two of its revisions.</summary>
/// <param name="FromVersion">The older state's version.</param>
/// <param name="ToVersion">The newer state's version.</param>
/// <param name="Fields">Each top-level field whose value differs, with both values as JSON.</param>
/// <param name="Text">The body's rendered plain text word by word: unchanged runs, deletions and insertions, in reading order.</param>
public sealed record ArticleDiff(int FromVersion, int ToVersion, IReadOnlyList<FieldChange> Fields, IReadOnlyList<TextChange> Text);

/// <summary>A field whose value differs between two revisions.</summary>
/// <param name="Field">The field, as in ArticleInput (plus <c>status</c>, <c>publishedAt</c>, the schedule and <c>review</c>).</param>
/// <param name="Before">Its value in the older revision, as JSON; empty when it had none.</param>
/// <param name="After">Its value in the newer revision, as JSON; empty when it has none.</param>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A run of words of a text diff.</summary>
/// <param name="Kind">Whether the run is in both texts, only the older one or only the newer one.</param>
/// <param name="Text">The words, with the spaces and punctuation between them.</param>
public sealed record TextChange(TextChangeKind Kind, string Text);

/// <summary>Whether a run of a text diff is in both texts or in one only.</summary>
public enum TextChangeKind
{
    /// <summary>In both texts.</summary>
    Unchanged,

    /// <summary>Only in the newer text.</summary>
    Inserted,

    /// <summary>Only in the older text.</summary>
    Deleted,
}
