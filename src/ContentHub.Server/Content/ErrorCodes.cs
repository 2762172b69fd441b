namespace ContentHub.Server.Content;

/// <summary>The <c>extensions.code</c> values of errors a client can cause.</summary>
public static class ErrorCodes
{
    /// <summary>The request or an argument is malformed.</summary>
    public const string Validation = "VALIDATION";

    /// <summary>The HTTP request is not a GraphQL request we can read.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The request presented an API key that is malformed, unknown or revoked, or an operation needs a key and none was sent.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller may not ask for this: an anonymous caller filtering articles by a status other than published, or an editor purging.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The HTTP method cannot carry this request.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>Introspection is configured for editors only and the caller is not one.</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";

    /// <summary>The introspection query nests <c>fields</c>, <c>interfaces</c>, <c>possibleTypes</c> or <c>inputFields</c> three levels deep.</summary>
    public const string IntrospectionTooDeep = "INTROSPECTION_TOO_DEEP";

    /// <summary>The operation type (mutation, subscription) is not part of this API.</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    /// <summary>The request ran past <c>Http:RequestTimeoutSeconds</c> and was cancelled.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The client sent more requests than its rate limit allows, or its address failed to authenticate (or mutated without credentials) too often.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>The database did not answer; the request may be retried.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>A bug on the server's side (HTTP 500): its log has the details under the error's request id.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>The request sent a variable its operation does not declare.</summary>
    public const string VariableNotDeclared = "VARIABLE_NOT_DECLARED";

    /// <summary>An automatic persisted query names a hash the server does not know: send the query with the hash (HTTP 200, as Apollo clients expect).</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>The query sent with a persisted-query hash does not hash to it.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>Automatic persisted queries are turned off (HTTP 200, so Apollo clients stop sending hashes).</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>Trusted-documents mode: anonymous callers may only run registered documents.</summary>
    public const string PersistedQueryRequired = "PERSISTED_QUERY_REQUIRED";

    public const string DepthLimitExceeded = "DEPTH_LIMIT_EXCEEDED";
    public const string ComplexityLimitExceeded = "COMPLEXITY_LIMIT_EXCEEDED";
    public const string SelectionLimitExceeded = "SELECTION_LIMIT_EXCEEDED";
    public const string AliasLimitExceeded = "ALIAS_LIMIT_EXCEEDED";
    public const string DirectiveLimitExceeded = "DIRECTIVE_LIMIT_EXCEEDED";
    public const string TokenLimitExceeded = "TOKEN_LIMIT_EXCEEDED";
    public const string QueryLengthLimitExceeded = "QUERY_LENGTH_LIMIT_EXCEEDED";
    public const string BodySizeLimitExceeded = "BODY_SIZE_LIMIT_EXCEEDED";
    public const string PageSizeLimitExceeded = "PAGE_SIZE_LIMIT_EXCEEDED";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";

    /// <summary>A multipart (file upload) request without a <c>GraphQL-Preflight</c> or <c>Apollo-Require-Preflight</c> header.</summary>
    public const string PreflightRequired = "PREFLIGHT_REQUIRED";
}
