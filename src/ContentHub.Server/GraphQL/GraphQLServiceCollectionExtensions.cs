using ContentHub.Server.Access;
using ContentHub.Server.Articles;
using ContentHub.Server.Articles.Search;
using ContentHub.Server.Categories;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using ContentHub.Server.GraphQL.Caching;
using ContentHub.Server.GraphQL.PersistedQueries;
using ContentHub.Server.People;
using ContentHub.Server.Promotions;
using ContentHub.Server.Site;
using GraphQL;

namespace ContentHub.Server.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    public static IServiceCollection AddContentHubGraphQL(this IServiceCollection services)
    {
        // XML doc comments on entities and their members become the schema descriptions editors read in the IDE.
        GlobalSwitches.EnableReadDescriptionFromXmlDocumentation = true;
        services.AddHttpContextAccessor();
        services.AddOptions<GraphQLLimits>().BindConfiguration(GraphQLLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddGraphQLResponseCache();
        services.AddPersistedQueries();

        services.AddSingleton<IQueryFields, SiteQueries>();
        services.AddSingleton<IQueryFields, ArticleQueries>();
        services.AddSingleton<IQueryFields, ArticleSearchQueries>();
        services.AddSingleton<IQueryFields, CategoryQueries>();
        services.AddSingleton<IQueryFields, DisclaimerQueries>();
        services.AddOptions<FactsOptions>().BindConfiguration(FactsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FactRotation>();
        services.AddSingleton<IQueryFields, FactQueries>();
        services.AddSingleton<IQueryFields, PromotionQueries>();
        services.AddSingleton<IQueryFields, PersonQueries>();
        services.AddSingleton<IQueryFields, ArticleDiffQueries>();

        services.AddScoped(provider => Viewer.From(provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        services.AddScoped<CategoryByIdLoader>();
        services.AddScoped<ChildCategoriesLoader>();
        services.AddScoped<CategoryArticlesLoader>();
        services.AddScoped<ArticleAuthorsLoader>();
        services.AddScoped<PersonArticlesLoader>();
        services.AddScoped<PersonByIdLoader>();
        services.AddScoped<ArticleDisclaimersLoader>();
        services.AddScoped<ArticleSnippetLoader>();
        services.AddScoped<RelatedArticlesLoader>();
        services.AddScoped<CurrentSite>();

        services.AddSingleton<ValidationRuleSet>();
        services.AddSingleton<DocumentCache>(); // the executor's step below and the GET endpoint's lookup share it
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<ContentHubSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(ContentHubSchema).Assembly)
            .AddClrTypeMappings(typeof(ContentHubSchema).Assembly)
            .AddAutoClrMappings()
            .ConfigureExecution(services => services.GetRequiredService<DocumentCache>())
            .ConfigureExecution<SelectionBudget>()
            .ConfigureExecutionOptions(options => options.RequestServices!.GetRequiredService<ValidationRuleSet>().ApplyTo(options))
            .AddErrorInfoProvider<ContentHubErrorInfoProvider>()
            .AddUnhandledExceptionHandler(UnhandledErrorHandler.Handle));
        return services;
    }
}
