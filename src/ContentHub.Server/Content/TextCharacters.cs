using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace ContentHub.Server.Content;

/// <summary>
/// The character rule of every text field of every editable form, nested records and lists included, checked on
/// every write (mutations, revision restores, seed files): no control characters (C0, DEL, C1) and no lone
/// surrogates. Fields marked <see cref="MultiLineAttribute"/> may also hold tab, line feed, carriage return and the
/// Unicode line and paragraph separators; single-line fields (titles, slugs, keys, tags, names, URLs) may not.
/// </summary>
public static class TextCharacters
{
    public const string InvalidCharacterCode = "INVALID_CHARACTER";

    private static readonly ConcurrentDictionary<Type, TextProperty[]> s_properties = new();

    /// <summary>One error per text field of <paramref name="input"/> holding a character its kind of field refuses.</summary>
    public static IEnumerable<FieldError> Problems(object input) => Walk(input, prefix: "");

    private static IEnumerable<FieldError> Walk(object value, string prefix)
    {
        foreach (var property in s_properties.GetOrAdd(value.GetType(), Describe))
        {
            var field = prefix + property.Name;
            switch (property.Info.GetValue(value))
            {
                case string text:
                    foreach (var error in Check(text, field, property.MultiLine))
                    {
                        yield return error;
                    }

                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        var path = $"{field}[{index++}]";
                        var errors = item switch
                        {
                            string text => Check(text, path, multiLine: false),
                            not null when IsOurs(item.GetType()) => Walk(item, path + "."),
                            _ => [],
                        };
                        foreach (var error in errors)
                        {
                            yield return error;
                        }
                    }

                    break;
                case { } nested when IsOurs(nested.GetType()):
                    foreach (var error in Walk(nested, field + "."))
                    {
                        yield return error;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<FieldError> Check(string text, string field, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (char.IsSurrogate(character))
            {
                if (char.IsSurrogatePair(text, i))
                {
                    i++;
                    continue;
                }

                return [new(field, InvalidCharacterCode, $"{field} holds a lone surrogate (U+{(int)character:X4}) at position {i}: it is not valid text")];
            }

            if (IsAllowed(character, multiLine))
            {
                continue;
            }

            return [new(field, InvalidCharacterCode, multiLine
                ? $"{field} holds the control character U+{(int)character:X4} at position {i}: only tab, line feed and carriage return are allowed"
                : $"{field} holds the character U+{(int)character:X4} at position {i}: it is a single line, without control characters or line breaks")];
        }

        return [];
    }

    private static bool IsAllowed(char character, bool multiLine) =>
        multiLine
            ? !char.IsControl(character) || character is '\t' or '\n' or '\r'
            : !char.IsControl(character) && character is not ('\u2028' or '\u2029');

    private static TextProperty[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Where(p => p.PropertyType == typeof(string) || typeof(IEnumerable).IsAssignableFrom(p.PropertyType) || IsOurs(p.PropertyType))
            .Select(p => new TextProperty(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.IsDefined(typeof(MultiLineAttribute))))
            .ToArray();

    /// <summary>Our own records (an image, a citation): walked into. Framework types hold no editor text.</summary>
    private static bool IsOurs(Type type) =>
        type.IsClass && type.Namespace?.StartsWith(nameof(ContentHub), StringComparison.Ordinal) == true;

    private sealed record TextProperty(PropertyInfo Info, string Name, bool MultiLine);
}
