using ContentHub.Server.Content;
using GraphQLParser;
using GraphQLParser.Exceptions;

namespace ContentHub.Server.GraphQL;

/// <summary>Checks on the raw request, made before the document is parsed: length and token count of the query.</summary>
public static class RequestLimits
{
    public sealed record Violation(string Code, string Message);

    public static Violation? Check(string query, GraphQLLimits limits)
    {
        if (query.Length > limits.MaxQueryLength)
        {
            return new Violation(ErrorCodes.QueryLengthLimitExceeded,
                $"The query is {query.Length} characters long; the limit is {limits.MaxQueryLength}.");
        }

        return CountsMoreTokensThan(query, limits.MaxTokens)
            ? new Violation(ErrorCodes.TokenLimitExceeded, $"The query has more than {limits.MaxTokens} tokens.")
            : null;
    }

    // Lexing is linear and stops at the limit, so a huge document costs no more than a document at the limit.
    private static bool CountsMoreTokensThan(string query, int max)
    {
        var position = 0;
        try
        {
            for (var count = 0; count <= max; count++)
            {
                var token = Lexer.Lex(query, position);
                if (token.Kind == TokenKind.EOF)
                {
                    return false;
                }

                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            return false; // the executor reports the syntax error with its position
        }

        return true;
    }
}
