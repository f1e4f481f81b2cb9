using System.Globalization;

namespace Analytics.Api.Features.Sources.UpstreamStub;

/// <summary>
/// `stub upstreams [--port 5100] [--connection &lt;Npgsql connection string&gt;] [--token &lt;expected bearer token&gt;]`: the port on
/// 127.0.0.1 (0 = any free one), the store to serve (default `ConnectionStrings:Analytics`) and, when set, the one bearer token
/// every service expects.
/// </summary>
public sealed record UpstreamStubOptions(int Port, string? Connection, string? Token)
{
    public const int DefaultPort = 5100;

    public const string Usage =
        "Usage: stub upstreams [--port 5100] [--connection <Npgsql connection string>] [--token <expected bearer token>]";

    /// <summary>Parses the arguments after the verb <c>stub</c>; <c>--name value</c> and <c>--name=value</c> are both accepted.</summary>
    /// <exception cref="ArgumentException">A missing `upstreams`, an unknown option, or a missing or bad value.</exception>
    public static UpstreamStubOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != "upstreams")
        {
            throw new ArgumentException($"stub: only `stub upstreams` exists. {Usage}");
        }

        var options = new UpstreamStubOptions(DefaultPort, null, null);
        for (var i = 1; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"stub: {name} needs a value. {Usage}"));
            options = name switch
            {
                "--port" => options with
                {
                    Port = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                        ? port
                        : throw new ArgumentException($"stub: --port must be 0–65535. {Usage}"),
                },
                "--connection" => options with { Connection = NotBlank(Value(), name) },
                "--token" => options with { Token = NotBlank(Value(), name) },
                _ => throw new ArgumentException($"stub: unknown option {args[i]}. {Usage}"),
            };
        }

        return options;
    }

    private static string NotBlank(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"stub: {name} must not be empty. {Usage}") : value;
}
