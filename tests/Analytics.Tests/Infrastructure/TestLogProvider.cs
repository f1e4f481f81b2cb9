using Microsoft.Extensions.Logging;

namespace Analytics.Tests.Infrastructure;

/// <summary>Writes the service's warnings and errors to `service.log` in the test output folder, so a 500 in a test shows its cause.</summary>
public sealed class TestLogProvider : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "service.log");

    public ILogger CreateLogger(string categoryName) => new TestLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class TestLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (Gate)
                {
                    File.AppendAllText(FilePath, $"[{logLevel}] {category}: {formatter(state, exception)} {exception}{Environment.NewLine}");
                }
            }
        }
    }
}
