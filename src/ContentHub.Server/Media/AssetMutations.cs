using ContentHub.Server.Access;
using ContentHub.Server.Content;
using ContentHub.Server.Editing;
using ContentHub.Server.GraphQL;
using GraphQL;
using GraphQL.Types;

namespace ContentHub.Server.Media;

/// <summary><c>uploadAsset</c>: editors add images to the asset library.</summary>
public sealed class AssetMutations(AssetIngest ingest, AuditLog audit, UnauthenticatedRefusals unauthenticated) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<GraphQLClrOutputTypeReference<AssetPayload>>>(AssetIngest.Operation)
            .Description("Uploads an image (JPEG, PNG, WebP, AVIF or GIF; told from its bytes) as a multipart request. EXIF, XMP and IPTC "
                + "metadata are removed before it is stored; identical bytes are stored once. Editors only.")
            .Argument<NonNullGraphType<UploadGraphType>>("file", "The image file.")
            .Argument<NonNullGraphType<GraphQLClrInputTypeReference<AssetDetails>>>("details", "Alt text, credit, licence and consent.")
            .ResolveAsync(async context =>
            {
                var viewer = context.Service<Viewer>();
                if (!viewer.IsEditor)
                {
                    unauthenticated.Record(AssetIngest.Operation);
                    throw new ExecutionError("Assets are uploaded by editors: send an editor's API key.") { Code = ErrorCodes.Unauthenticated };
                }

                if (!viewer.May(Permissions.Write))
                {
                    throw new ExecutionError("Assets are kept by writers and editors: your role may not change them.") { Code = ErrorCodes.Forbidden };
                }

                var file = context.GetArgument<IFormFile>("file");
                await using var content = file.OpenReadStream();
                var payload = await ingest.IngestAsync(content, file.Length, file.FileName, context.GetArgument<AssetDetails>("details"),
                    viewer.Name, context.CancellationToken);
                if (payload.Errors.Count > 0)
                {
                    await audit.RecordAsync(viewer.Name, AssetIngest.Operation, nameof(Asset), null, payload.Errors[0].Code);
                }

                return payload;
            });
}
