using ContentHub.Server.Content;
using GraphQLParser;
using GraphQLParser.Exceptions;

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
