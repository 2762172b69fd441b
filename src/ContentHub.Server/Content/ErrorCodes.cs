namespace ContentHub.Server.Content;

/// <summary>The <c>extensions.code</c> values of errors a client can cause.</summary>
public static class ErrorCodes
{
    /// <summary>The request or an argument is malformed.</summary>
    public const string Validation = "VALIDATION";

    /// <summary>The HTTP request is not a GraphQL request we can read.</summary>
    public const string BadRequest = "BAD_REQUEST";
}
