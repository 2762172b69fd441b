using ContentHub.Server.Articles.StructuredData;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.GraphQL;
using ContentHub.Server.GraphQL.Caching;
using ContentHub.Server.Media;
using ContentHub.Server.People;
using ContentHub.Server.Site;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Articles;

/// <summary>An article's stored fields, plus its category, disclaimers and authors through batch loaders, and whether it has expired.</summary>
public sealed class ArticleGraphType : AutoRegisteringObjectGraphType<Article>
{
    private const int RelatedDefault = 3;

    public ArticleGraphType()
    {
        Field<CategoryGraphType>("category")
            .Description("The category the article is filed under; empty when it has none.")
            .Resolve(context => context.Source.CategoryId is { } id ? context.Service<CategoryByIdLoader>().Find(id, context.CancellationToken) : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphQLClrOutputTypeReference<Disclaimer>>>>>("disclaimers")
            .Description("Disclaimers to show with the article: its own, its category's and the site-wide ones.")
            .Argument<GraphQLClrInputTypeReference<DisclaimerPlacement>>("placement", "Only disclaimers shown in this place.")
            .Resolve(context => context.Service<ArticleDisclaimersLoader>().Load(new ArticleDisclaimersLoader.Key(
                context.Source.Id, context.Source.CategoryId, context.GetArgument<DisclaimerPlacement?>("placement"))));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("authors")
            .Description("The people credited as its authors, in byline order.")
            .Resolve(context => context.Service<ArticleAuthorsLoader>().Load(context.Source.Id));

        Field<PersonGraphType>("reviewedBy")
            .Description("The person who last approved the article medically (their page); empty when none has, or their page is not published.")
            .Resolve(context => context.Source.ReviewerId is { } id ? context.Service<PersonByIdLoader>().Load(id) : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleGraphType>>>>("related")
            .Description("Other articles in the same category or sharing a tag: those sharing more tags first, then the most recent.")
            .Argument<NonNullGraphType<IntGraphType>>("first", "How many, at most.", argument => argument.DefaultValue = RelatedDefault)
            // Priced by the candidates it reads for each article, not only by the articles it returns.
            .WithComplexityImpact(context =>
            {
                var first = context.GetArgument("first", RelatedDefault);
                return new FieldComplexityResult(RelatedArticlesLoader.CandidateRows(first), first);
            })
            .Resolve(context => context.Service<RelatedArticlesLoader>().Load(context.Source, Math.Max(0, context.GetArgument<int>("first")), context.ColumnsNeeded()));

        Field<NonNullGraphType<StringGraphType>>("structuredData")
            .Description("The article as schema.org JSON-LD — a MedicalWebPage with its reviewer and last review date once medically "
                + "reviewed, else an Article — ready to embed in a <script type=\"application/ld+json\"> element as it is: no text in it can close the element.")
            .ResolveAsync(async context =>
            {
                var article = context.Source;
                var policy = context.Service<ResponseCachePolicy>();
                policy.Read(ContentKeys.Site); // the publisher's name
                policy.Read(ContentKeys.Collection(typeof(Person))); // the authors' names and pages
                var settings = await context.Service<CurrentSite>().GetAsync(context.CancellationToken);
                var site = context.Service<IOptions<SiteOptions>>().Value;
                var image = article.Seo.Image ?? article.HeroImage;
                var asset = DataLoaderResults.Known<Asset?>(null);
                if (image?.AssetId is { } assetId)
                {
                    AssetKeys.ReadBy(policy);
                    asset = context.Service<AssetByIdLoader>().Load(assetId);
                }

                return context.Service<ArticleAuthorsLoader>().Load(article.Id).With(asset, (authors, shown) =>
                    ArticleStructuredData.For(article, authors ?? [], site, settings?.Publisher ?? settings?.Name, shown?.Url ?? image?.Url));
            });

        Field<NonNullGraphType<BooleanGraphType>>("expired")
            .Description("Whether expiresAt has passed: the advice is out of date. (Where the server archives expired articles, readers no longer see them.)")
            .Resolve(context =>
            {
                var now = context.Service<TimeProvider>().GetUtcNow().UtcDateTime;
                if (context.Source.ExpiresAt > now)
                {
                    context.Service<ResponseCachePolicy>().KeepUntil(context.Source.ExpiresAt.Value); // the answer turns then
                }

                return context.Source.ExpiresAt <= now;
            });
    }
}
