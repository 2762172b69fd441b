using ContentHub.Server.Articles;
using ContentHub.Server.Categories;
using ContentHub.Server.Content;
using ContentHub.Server.Disclaimers;
using ContentHub.Server.Facts;
using ContentHub.Server.GraphQL;
using ContentHub.Server.People;
using ContentHub.Server.Promotions;
using ContentHub.Server.Seeding;

namespace ContentHub.Server.Editing;

public static class EditingServiceCollectionExtensions
{
    /// <summary>Mutations, revisions and the audit log for every content type.</summary>
    public static IServiceCollection AddContentEditing(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<UnauthenticatedRefusals>();
        services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditLogTrimmer>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditLogTrimmer>());
        services.AddSingleton<IQueryFields, AuditLogQueries>();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SchedulerLeases>();
        services.AddSingleton<ContentScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<ContentScheduler>());
        services.AddEditable(new ArticleEditing());
        services.AddOptions<ArticlesOptions>().BindConfiguration(ArticlesOptions.Section).ValidateOnStart();
        services.AddSingleton<IScheduledContent, ExpiredArticles>();
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArticleReview>();
        services.AddSingleton<IMutationFields, ArticleReviewFields>();
        services.AddEditable(new CategoryEditing());
        services.AddEditable(new PersonEditing());
        services.AddEditable(new KeyedContentEditing<Disclaimer, DisclaimerSeed>(
            "Disclaimer", d => d.Key, d => d.Title, (d, key) => d.Key = key, DisclaimerMapper.ToSeed, DisclaimerMapper.ToEntity, DisclaimerMapper.Apply,
            RequiredDisclaimers.LostByChangeAsync));
        services.AddEditable(new KeyedContentEditing<Fact, FactSeed>(
            "Fact", f => f.Key, f => f.Text, (f, key) => f.Key = key, FactMapper.ToSeed, FactMapper.ToEntity, FactMapper.Apply));
        services.AddEditable(new KeyedContentEditing<Promotion, PromotionSeed>(
            "Promotion", p => p.Key, p => p.Heading, (p, key) => p.Key = key, PromotionMapper.ToSeed, PromotionMapper.ToEntity, PromotionMapper.Apply));
        services.AddSingleton<IMutationFields, PreviewTokenRevocation>();
        return services;
    }

    private static void AddEditable<TEntity, TInput>(this IServiceCollection services, IEditableContent<TEntity, TInput> content)
        where TEntity : ContentItem
        where TInput : class, ISeed, new()
    {
        services.AddSingleton(content);
        if (content.HasPublicSlug)
        {
            services.AddSingleton<IMutationFields>(provider => ActivatorUtilities.CreateInstance<PreviewTokenFields<TEntity>>(provider, content.TypeName));
        }

        services.AddSingleton<ContentEditor<TEntity, TInput>>();
        services.AddSingleton<IScheduledContent>(provider => provider.GetRequiredService<ContentEditor<TEntity, TInput>>());
        services.AddSingleton<SlugResolver<TEntity, TInput>>();
        services.AddSingleton<ContentEditingFields<TEntity, TInput>>();
        services.AddSingleton<IMutationFields>(provider => provider.GetRequiredService<ContentEditingFields<TEntity, TInput>>());
        services.AddSingleton<IQueryFields>(provider => provider.GetRequiredService<ContentEditingFields<TEntity, TInput>>());
    }
}
