using GraphQL.Types;
using GraphQLParser.AST;

namespace ContentHub.Server.Media;

/// <summary>
/// The <c>Upload</c> scalar of the GraphQL multipart request spec: a file part of a <c>multipart/form-data</c>
/// request, placed into the variables by the request's <c>map</c>. Input only; it has no literal form.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public UploadGraphType()
    {
        Name = "Upload";
        Description = "A file sent as a part of a multipart/form-data request (https://github.com/jaydenseric/graphql-multipart-request-spec); "
            + "the request must carry a GraphQL-Preflight (or Apollo-Require-Preflight) header.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        IFormFile file => file,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLNullValue ? null : ThrowLiteralConversionError(value);

    public override object? Serialize(object? value) => throw new InvalidOperationException("Upload is an input-only scalar.");
}
