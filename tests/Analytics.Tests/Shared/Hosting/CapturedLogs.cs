using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Analytics.Tests.Shared.Hosting;

/// <summary>Every log entry of a host at every level, as text: message, structured values, scopes and exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly AsyncLocalScopes _scopes = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class AsyncLocalScopes
    {
        private readonly AsyncLocal<ImmutableStack> _current = new();

        public ImmutableStack Current => _current.Value ?? ImmutableStack.Empty;

        public Pop Push(object state)
        {
            var previous = Current;
            _current.Value = new ImmutableStack(state, previous);
            return new Pop(() => _current.Value = previous);
        }
    }

    private sealed record ImmutableStack(object? State, ImmutableStack? Next)
    {
        public static readonly ImmutableStack Empty = new(null, null);
    }

    private sealed class Pop(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder($"[{logLevel}] {category}: {formatter(state, exception)}");
            Append(text, state);
            for (var scope = owner._scopes.Current; scope.State is not null; scope = scope.Next!)
            {
                Append(text, scope.State);
            }

            text.Append(' ').Append(exception);
            owner._entries.Enqueue(text.ToString());
        }

        private static void Append(StringBuilder text, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(' ').Append(key).Append('=').Append(value);
                }
            }
            else
            {
                text.Append(' ').Append(state);
            }
        }
    }
}
