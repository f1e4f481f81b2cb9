using System.Collections.Concurrent;
using System.Reflection;

namespace Analytics.Api.Shared.Database;

/// <summary>
/// Loads the embedded `.sql` files by their flat name (`Velocity`, `Login.User`) once and fails loudly on a missing one
/// (CONVENTIONS.md, SQL).
/// </summary>
public static class SqlQueries
{
    public const string ResourcePrefix = "Queries.";

    private static readonly Assembly Assembly = typeof(SqlQueries).Assembly;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Get(string name) => Cache.GetOrAdd(name, Load);

    public static IReadOnlyList<string> Names() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".sql".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string Load(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + name + ".sql")
                           ?? throw new InvalidOperationException($"Embedded query '{name}.sql' does not exist.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
