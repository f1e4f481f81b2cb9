using System.Collections.Concurrent;

namespace Analytics.Api.Shared.Sources;

/// <summary>
/// The sources' embedded statements (<c>src/Shared/Sources/**/*.sql</c>, resource prefix <c>Sources.</c>), loaded once by their
/// flat name; a missing name fails loudly.
/// </summary>
public static class SourceSql
{
    public const string ResourcePrefix = "Sources.";

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Get(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(SourceSql).Assembly.GetManifestResourceStream(ResourcePrefix + n + ".sql")
                           ?? throw new InvalidOperationException($"Embedded statement '{n}.sql' does not exist.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
