using System.Security.Cryptography;
using System.Text;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Analytics.Api.Shared.Http;

/// <summary>
/// Fixed windows in Redis (RedisRateLimiting's fixed-window script), shared by every instance configured with the same
/// `ConnectionStrings:Redis`. Keys are SHA-256 of class and key, so Redis holds no user id or address. Every call is bounded
/// (1 s); a failure or timeout counts the request in this instance's memory instead and leaves Redis alone for 5 s, with one
/// warning per outage: a Redis outage weakens the limits to per-instance ones, it never fails a request.
/// </summary>
public sealed partial class RedisRateCounter(
    Func<Task<IConnectionMultiplexer>> connect,
    MemoryRateCounter fallback,
    TimeProvider timeProvider,
    ILogger<RedisRateCounter> logger) : IRateCounter
{
    public const string KeyPrefix = "analytics:rl:";

    public static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task<IConnectionMultiplexer>? _connection;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private bool _failing;

    public async ValueTask<RateDecision> HitAsync(string key, RateLimitSettings settings, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < _pausedUntil)
        {
            return fallback.Hit(key, settings);
        }

        try
        {
            var decision = await HitRedisAsync(key, settings, cancellationToken).WaitAsync(CallBudget, cancellationToken);
            if (_failing)
            {
                _failing = false;
                LogRecovered(logger);
            }

            return decision;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _pausedUntil = timeProvider.GetUtcNow() + PauseAfterFailure;
            if (!_failing)
            {
                _failing = true;
                LogFallback(logger, exception.GetType().Name);
            }

            lock (_gate)
            {
                // A connection that never came up is tried afresh after the pause.
                if (_connection is { IsFaulted: true })
                {
                    _connection = null;
                }
            }

            return fallback.Hit(key, settings);
        }
    }

    private async Task<RateDecision> HitRedisAsync(string key, RateLimitSettings settings, CancellationToken cancellationToken)
    {
        Task<IConnectionMultiplexer> connecting;
        lock (_gate)
        {
            connecting = _connection ??= connect();
        }

        var multiplexer = await connecting.WaitAsync(cancellationToken);
        var limiter = new RedisFixedWindowRateLimiter<string>(
            KeyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
            new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = settings.Limit,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                ConnectionMultiplexerFactory = () => multiplexer,
            });
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        var remaining = lease.TryGetMetadata(RateLimitMetadataName.Remaining, out var left) ? (int)Math.Max(0, left) : 0;
        var reset = lease.TryGetMetadata(RateLimitMetadataName.Reset, out var endsAt)
            ? (int)Math.Max(1, endsAt - timeProvider.GetUtcNow().ToUnixTimeSeconds())
            : settings.WindowSeconds;
        return new RateDecision(lease.IsAcquired, remaining, Math.Min(reset, settings.WindowSeconds));
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Redis rate-limit counters unavailable ({Error}): counting in this instance's memory until Redis answers again")]
    private static partial void LogFallback(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis rate-limit counters available again")]
    private static partial void LogRecovered(ILogger logger);
}
