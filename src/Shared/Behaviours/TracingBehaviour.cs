using System.Diagnostics;
using Analytics.Api.Shared.Observability;
using Mediator;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>Outermost behaviour: one span and one duration measurement per message.</summary>
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = AnalyticsTelemetry.ActivitySource.StartActivity(MessageName);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await next(message, cancellationToken);
        }
        catch
        {
            outcome = "error";
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
        finally
        {
            AnalyticsTelemetry.MessageDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("message", MessageName),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
