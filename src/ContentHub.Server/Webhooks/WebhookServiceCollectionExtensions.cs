using ContentHub.Server.Editing;
using ContentHub.Server.GraphQL;

namespace ContentHub.Server.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>The admins' webhook fields, the signed sender behind the SSRF guard, and the dispatcher of the outbox.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookAddressGuard>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookEndpointRules>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<WebhookMetrics>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan) // the sender's own timeout covers reading too
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = provider.GetRequiredService<WebhookAddressGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddKeyedSingleton(WebhookDispatcher.LeaseName, (provider, _) => ActivatorUtilities.CreateInstance<SchedulerLeases>(provider, WebhookDispatcher.LeaseName));
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<IScheduledContent, ArticleReviewsDue>();
        services.AddSingleton<IQueryFields, WebhookQueries>();
        services.AddSingleton<IMutationFields, WebhookMutations>();
        return services;
    }
}
