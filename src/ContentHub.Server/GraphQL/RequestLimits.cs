using ContentHub.Server.Content;

namespace ContentHub.Server.GraphQL;

/// <summary>Checks on the raw request, made before the document is parsed: length and token count of the query.</summary>
public static class RequestLimits
{
    public sealed record Violation(string Code, string Message);

    public static Violation? Check(string query, string? operationName, GraphQLLimits limits)
    {
        // The operation name is echoed in error messages, so it shares the query's length budget.
        var length = query.Length + (operationName?.Length ?? 0);
        if (length > limits.MaxQueryLength)
        {
            return new Violation(ErrorCodes.QueryLengthLimitExceeded,
                $"The query and operation name are {length} characters long; the limit is {limits.MaxQueryLength}.");
        }

        return CountsMoreTokensThan(query, limits.MaxTokens)
            ? new Violation(ErrorCodes.TokenLimitExceeded, $"The query has more than {limits.MaxTokens} tokens.")
            : null;
    }

    /// <summary>
    /// Counts lexical tokens (punctuators, names, numbers, strings) up to the limit in one linear pass. Anything it
    /// does not recognise, such as an unterminated string, ends the count: the parser then reports the syntax
    /// error once. (The parser's own lexer throws for those, and its exception copies the whole document: on a
    /// large hostile document each throw costs tens of milliseconds.)
    /// </summary>
    private static bool CountsMoreTokensThan(string query, int max)
    {
        var count = 0;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (c is ' ' or '\t' or '\n' or '\r' or ',' or '\uFEFF')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < query.Length && query[i] is not ('\n' or '\r'))
                {
                    i++;
                }

                continue;
            }

            var end = TokenEnd(query, i);
            if (end < 0)
            {
                return false;
            }

            if (++count > max)
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    /// <summary>Where the token starting at <paramref name="start"/> ends, or -1 when it is not a token.</summary>
    private static int TokenEnd(string query, int start)
    {
        var c = query[start];
        if (c == '.')
        {
            return string.CompareOrdinal(query, start, "...", 0, 3) == 0 ? start + 3 : -1;
        }

        if ("!$&()[]{}:=@|".Contains(c, StringComparison.Ordinal))
        {
            return start + 1;
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var i = start + 1;
            while (i < query.Length && (char.IsAsciiLetterOrDigit(query[i]) || query[i] == '_'))
            {
                i++;
            }

            return i;
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            // -?digits(.digits)?([eE][+-]?digits)?, and no further: "0-0" is two numbers to the parser.
            var i = Digits(query, c == '-' ? start + 1 : start);
            if (i < query.Length && query[i] == '.')
            {
                i = Digits(query, i + 1);
            }

            if (i < query.Length && query[i] is 'e' or 'E')
            {
                i = Digits(query, i + 1 < query.Length && query[i + 1] is '+' or '-' ? i + 2 : i + 1);
            }

            return i;
        }

        if (c != '"')
        {
            return -1;
        }

        if (string.CompareOrdinal(query, start, "\"\"\"", 0, 3) == 0)
        {
            var close = start + 3;
            while ((close = query.IndexOf("\"\"\"", close, StringComparison.Ordinal)) > 0 && query[close - 1] == '\\')
            {
                close += 3; // an escaped \""" inside the block string
            }

            return close < 0 ? -1 : close + 3;
        }

        for (var i = start + 1; i < query.Length; i++)
        {
            switch (query[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    return i + 1;
                case '\n' or '\r':
                    return -1;
            }
        }

        return -1;
    }

    private static int Digits(string query, int start)
    {
        while (start < query.Length && char.IsAsciiDigit(query[start]))
        {
            start++;
        }

        return start;
    }
}
