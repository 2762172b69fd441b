using GraphQL;

namespace ContentHub.Server.Content;

/// <summary>Something a user got wrong in the value of one field.</summary>
/// <param name="Field">The field's path in the input, e.g. <c>title</c> or <c>heroImage.url</c>.</param>
/// <param name="Code">A stable, machine-readable reason, e.g. <c>REQUIRED</c>.</param>
/// <param name="Message">An explanation for people.</param>
[Name("UserError")]
public sealed record FieldError(string Field, string Code, string Message);
