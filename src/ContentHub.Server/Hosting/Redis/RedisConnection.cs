using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ContentHub.Server.Hosting.Redis;

/// <summary>
/// The node's one connection to Redis. It never blocks start-up and never queues commands while Redis is away: a call
/// then fails at once (the caller answers uncached), and the connection is retried in the background. Loss and
/// recovery are logged once each.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ILogger<RedisConnection> _logger;
    private int _lost;

    public RedisConnection(IConfiguration configuration, IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var timeout = options.Value.TimeoutMilliseconds;
        var settings = ConfigurationOptions.Parse(configuration.GetConnectionString(RedisOptions.ConnectionStringName)!);
        settings.AbortOnConnectFail = false;
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        settings.ConnectTimeout = timeout;
        settings.AsyncTimeout = timeout;
        settings.SyncTimeout = timeout;
        settings.ConnectRetry = 1;
        settings.ReconnectRetryPolicy = new LinearRetry(timeout);
        Multiplexer = ConnectionMultiplexer.Connect(settings);
        Multiplexer.ConnectionFailed += (_, failed) => Lost(failed.ConnectionType, failed.Exception);
        Multiplexer.ConnectionRestored += (_, restored) => Restored(restored.ConnectionType);
        if (!Multiplexer.IsConnected)
        {
            Lost(ConnectionType.Interactive, null);
        }
    }

    public IConnectionMultiplexer Multiplexer { get; }

    /// <summary>Raised when Redis is reachable again after it was lost.</summary>
    public event Action? Recovered;

    public IDatabase Database => Multiplexer.GetDatabase();

    public void Dispose() => Multiplexer.Dispose();

    private void Lost(ConnectionType type, Exception? exception)
    {
        if (type == ConnectionType.Interactive && Interlocked.Exchange(ref _lost, 1) == 0)
        {
            _logger.LogWarning(exception, "Redis is unreachable: answers are computed uncached until it returns.");
        }
    }

    private void Restored(ConnectionType type)
    {
        if (type == ConnectionType.Interactive && Interlocked.Exchange(ref _lost, 0) == 1)
        {
            _logger.LogInformation("Redis is reachable again: cached answers are served again.");
            Recovered?.Invoke();
        }
    }
}
