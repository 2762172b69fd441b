using System.Text;
using ContentHub.Server.Content;
using GraphQL;

namespace ContentHub.Server.Articles.Search;

/// <summary>
/// The words of a reader's search text. Only letters and digits count; everything else separates words, so the
/// text can never carry query syntax (quotes, <c>*</c>, <c>AND</c>, <c>NEAR(</c>, column filters) into the index.
/// An article matches when it contains every word.
/// </summary>
public sealed class SearchTerms : IEquatable<SearchTerms>
{
    public const int MaxLength = 200;
    public const int MaxWords = 20;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    /// <summary>The words of <paramref name="text"/>, or a <c>VALIDATION</c> error when it has none or too many.</summary>
    public static SearchTerms Parse(string? text)
    {
        if (text is { Length: > MaxLength })
        {
            throw Invalid($"'query' may be at most {MaxLength} characters.");
        }

        var words = WordsOf(text ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        return words.Count switch
        {
            0 => throw Invalid("'query' needs at least one word (letters or digits)."),
            > MaxWords => throw Invalid($"'query' may have at most {MaxWords} words."),
            _ => new SearchTerms(words),
        };
    }

    /// <summary>An FTS5 MATCH expression: every word as a quoted string (a word has no quote to escape), all required.</summary>
    public string ToFts5() => string.Join(" ", Words.Select(word => "\"" + word + "\""));

    /// <summary>
    /// A PostgreSQL <c>to_tsquery</c> text: every word quoted (a word has no quote or backslash to escape), all required.
    /// </summary>
    public string ToTsQuery() => string.Join(" & ", Words.Select(word => "'" + word + "'"));

    /// <summary>
    /// An FTS5 phrase of the words of stored text such as a tag, or null when it has none. Only letters and digits are
    /// embedded: nothing stored (a quote, a NUL) can end the string early or carry syntax into the MATCH expression.
    /// </summary>
    public static string? Fts5Phrase(string text) =>
        WordsOf(text).ToList() is { Count: > 0 } words ? "\"" + string.Join(' ', words) + "\"" : null;

    public bool Equals(SearchTerms? other) => other is not null && Words.SequenceEqual(other.Words);

    public override bool Equals(object? obj) => Equals(obj as SearchTerms);

    public override int GetHashCode() => string.Join(' ', Words).GetHashCode(StringComparison.Ordinal);

    private static IEnumerable<string> WordsOf(string text)
    {
        var word = new StringBuilder();
        foreach (var character in text + " ")
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = ErrorCodes.Validation };
}
