using ContentHub.Server.Content;
using ContentHub.Server.GraphQL.Caching;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace ContentHub.Server.Hosting.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// With <c>ConnectionStrings:Redis</c> set, the nodes share their change stamps and their cached answers through
    /// Redis; without it, nothing is registered and each node keeps its own (one node needs nothing else).
    /// </summary>
    public static IServiceCollection AddRedisWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisOptions.ConnectionStringName)))
        {
            return services;
        }

        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IContentChanges, RedisContentChanges>();
        services.AddSingleton(provider =>
        {
            var connection = provider.GetRequiredService<RedisConnection>();
            return new SharedResponseStore(new RedisCache(Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => Task.FromResult(connection.Multiplexer),
                InstanceName = provider.GetRequiredService<IOptions<RedisOptions>>().Value.Prefix + "responses:",
            })));
        });
        return services;
    }
}
