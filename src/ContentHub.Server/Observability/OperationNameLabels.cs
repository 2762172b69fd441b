using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ContentHub.Server.Observability;

/// <summary>
/// The operation names metrics may carry as labels: the first <c>max</c> distinct names of operations that ran; any
/// other name is <see cref="Other"/>. Clients choose operation names, and each label value is a time series kept
/// for the life of the process, so their number is bounded.
/// </summary>
public sealed partial class OperationNameLabels(int max)
{
    public const string Other = "other";

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// The label for <paramref name="name"/>; <paramref name="admit"/> lets a new name take a free place (only names
    /// of operations the document really holds, so refused requests cannot fill the places with made-up names).
    /// </summary>
    public string? LabelOf(string? name, bool admit)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (_names.TryGetValue(name, out var label))
        {
            return label;
        }

        if (!admit || _names.Count >= max || name.Length > 100 || !GraphQLName().IsMatch(name))
        {
            return Other;
        }

        // Two requests may take the last place at once: the cap is exceeded by at most the number of such races.
        return _names.GetOrAdd(name, name);
    }

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*$")]
    private static partial Regex GraphQLName();
}
