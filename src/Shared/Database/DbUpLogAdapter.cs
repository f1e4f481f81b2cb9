using System.Globalization;
using DbUp.Engine.Output;

namespace Analytics.Api.Shared.Database;

/// <summary>Sends DbUp's output to an <see cref="ILogger"/>, so migration progress lands in the structured log.</summary>
internal sealed partial class DbUpLogAdapter(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => Write(LogLevel.Trace, null, format, args);

    public void LogDebug(string format, params object[] args) => Write(LogLevel.Debug, null, format, args);

    public void LogInformation(string format, params object[] args) => Write(LogLevel.Information, null, format, args);

    public void LogWarning(string format, params object[] args) => Write(LogLevel.Warning, null, format, args);

    public void LogError(string format, params object[] args) => Write(LogLevel.Error, null, format, args);

    public void LogError(Exception ex, string format, params object[] args) => Write(LogLevel.Error, ex, format, args);

    private void Write(LogLevel level, Exception? exception, string format, object[] args)
    {
        if (!logger.IsEnabled(level))
        {
            return;
        }

        // DbUp passes composite-format strings ("{0}"); without arguments the text may hold literal braces.
        var message = args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
        LogDbUp(logger, level, message, exception);
    }

    [LoggerMessage(EventId = 1100, EventName = "DbUp", Message = "DbUp: {Message}")]
    private static partial void LogDbUp(ILogger logger, LogLevel level, string message, Exception? exception);
}
