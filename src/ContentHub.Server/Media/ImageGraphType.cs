using ContentHub.Server.Content;
using GraphQL;
using GraphQL.DataLoader;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Media;

/// <summary>
/// An image as readers get it: for an uploaded asset (by id, or by a site-relative <c>/media/&lt;file&gt;</c> path naming
/// one), <c>url</c> and <c>srcSet</c> hand out signed URLs of renditions in the size and format asked for; any other
/// image keeps its own URL.
/// </summary>
public sealed class ImageGraphType : AutoRegisteringObjectGraphType<Image>
{
    public ImageGraphType(RenditionSigner signer, IOptions<MediaOptions> options)
    {
        var maxWidth = options.Value.MaxRenditionWidth;
        var url = GetField(nameof(Image.Url))!; // the CLR name: the schema camel-cases names later
        url.Description = "The image's URL. For an uploaded asset: the original, or with `width` a rendition made for it "
            + "(signed; never larger than the original), also for a `/media/<file>` path naming one; other images keep their own URL whatever is asked.";
        url.Arguments = new QueryArguments(
            new QueryArgument<IntGraphType> { Name = "width", Description = $"Width in pixels, 1 to {maxWidth}." },
            new QueryArgument<IntGraphType> { Name = "height", Description = "Height in pixels; in proportion to the width when not given." },
            new QueryArgument<GraphQLClrInputTypeReference<ImageFit>> { Name = "fit", Description = "How the image fills width × height; COVER when not given." },
            new QueryArgument<GraphQLClrInputTypeReference<RenditionFormat>> { Name = "format", Description = "The encoding; the original's kind when not given." });
        url.Resolver = new FuncFieldResolver<Image, object?>(context =>
        {
            var width = context.GetArgument<int?>("width");
            var height = context.GetArgument<int?>("height");
            if (width is not null || height is not null)
            {
                CheckSize(width ?? 0, maxWidth, "width");
                CheckSize(height ?? 1, maxWidth, "height");
            }

            // Without a width a path keeps the URL written (it redirects to the asset it names); an asset id gives the original.
            return width is { } w
                ? WithAsset(context, asset => signer.Url(Rendition.For(asset, w, height, context.GetArgument("fit", ImageFit.Cover), context.GetArgument<RenditionFormat?>("format"))))
                : context.Source.AssetId is null ? context.Source.Url : WithAsset(context, asset => asset.Url);
        });

        Field<StringGraphType>("srcSet")
            .Description("For an uploaded asset (or a `/media/<file>` path naming one): a srcset attribute value of renditions in these widths (`url 320w, url 640w`); empty for other images.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("widths", "The widths, in pixels.")
            .Argument<GraphQLClrInputTypeReference<RenditionFormat>>("format", "The encoding; the original's kind when not given.")
            .Resolve(context =>
            {
                var widths = context.GetArgument<List<int>>("widths");
                widths.ForEach(w => CheckSize(w, maxWidth, "widths"));
                return AssetOf(context)?.Then(asset => asset is null ? null : string.Join(", ",
                    widths.Distinct().Order().Select(w => $"{signer.Url(Rendition.For(asset, w, null, ImageFit.Cover, context.GetArgument<RenditionFormat?>("format")))} {Math.Min(w, asset.Width)}w")));
            });
    }

    /// <summary>For an asset image, what <paramref name="select"/> makes of its asset; otherwise the image's own URL.</summary>
    private static object? WithAsset(IResolveFieldContext<Image> context, Func<Asset, string> select) =>
        AssetOf(context) is { } asset ? asset.Then(a => a is null ? context.Source.Url : select(a)) : context.Source.Url;

    /// <summary>The asset the image shows, by id or by a <c>/media/&lt;file&gt;</c> path; null when it names none.</summary>
    private static IDataLoaderResult<Asset?>? AssetOf(IResolveFieldContext<Image> context)
    {
        var services = context.RequestServices!;
        var asset = context.Source.AssetId is { } id ? services.GetRequiredService<AssetByIdLoader>().Load(id)
            : MediaPaths.FileNameIn(context.Source.Url) is { } fileName ? services.GetRequiredService<AssetByFileNameLoader>().Load(fileName)
            : null;
        if (asset is not null)
        {
            AssetKeys.ReadBy(services.GetRequiredService<ResponseCachePolicy>());
        }

        return asset;
    }

    private static void CheckSize(int value, int max, string argument)
    {
        if (value < 1 || value > max)
        {
            throw new ExecutionError($"'{argument}' must be between 1 and {max} pixels.") { Code = ErrorCodes.Validation };
        }
    }
}
