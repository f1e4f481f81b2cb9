using Npgsql;

namespace Analytics.Api.Shared.Database;

/// <summary>
/// Follows PostgreSQL NOTIFY channels on one dedicated connection, so every instance learns what another did. A lost connection
/// is re-established after 5 s, and <see cref="OnConnectedAsync"/> then reloads the state, since notifications sent while
/// disconnected are lost.
/// </summary>
public abstract partial class PostgresListener(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = timeProvider;

    protected abstract IReadOnlyList<string> Channels { get; }

    /// <summary>Loads the full state, at start and after every reconnection.</summary>
    protected abstract Task OnConnectedAsync(NpgsqlConnection connection, CancellationToken cancellationToken);

    protected abstract void OnNotification(string channel, string payload);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await OnConnectedAsync(connection, cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, args) => OnNotification(args.Channel, args.Payload);
                foreach (var channel in Channels)
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await OnConnectedAsync(connection, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(logger, string.Join(", ", Channels), exception);
                await Task.Delay(TimeSpan.FromSeconds(5), Clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on {Channels} failed; retrying in 5 s")]
    private static partial void LogListenFailed(ILogger logger, string channels, Exception exception);
}
