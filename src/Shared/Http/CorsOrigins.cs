namespace Analytics.Api.Shared.Http;

/// <summary>
/// `Cors:AllowedOrigins` of API.md §6.2: full origins compared exactly (scheme, host, port), and `scheme://*.domain[:port]`
/// entries that match exactly one more host label (`https://a.example.com`, not `https://a.b.example.com` nor
/// `https://example.com`). ASP.NET Core's own wildcard matching accepts any depth, so the policy asks this instead.
/// </summary>
public sealed class CorsOrigins
{
    private const string Placeholder = "wildcard-label";

    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Scheme, string Suffix, int Port)> _wildcards = [];

    public CorsOrigins(IEnumerable<string> configured)
    {
        foreach (var entry in configured.Select(e => e.Trim().TrimEnd('/')).Where(e => e.Length > 0))
        {
            var wildcard = entry.Contains("://*.", StringComparison.Ordinal);
            if (!Uri.TryCreate(wildcard ? entry.Replace("://*.", $"://{Placeholder}.", StringComparison.Ordinal) : entry, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"Cors:AllowedOrigins holds '{entry}', which is not an origin (scheme://host[:port]).");
            }

            if (wildcard)
            {
                _wildcards.Add((uri.Scheme, uri.Host[Placeholder.Length..], uri.Port));
            }
            else
            {
                _exact.Add(Normalise(uri));
            }
        }
    }

    public bool IsEmpty => _exact.Count == 0 && _wildcards.Count == 0;

    public bool IsAllowed(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.UserInfo.Length > 0)
        {
            return false;
        }

        if (_exact.Contains(Normalise(uri)))
        {
            return true;
        }

        foreach (var (scheme, suffix, port) in _wildcards)
        {
            if (string.Equals(uri.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
                && uri.Port == port
                && uri.Host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && uri.Host.Length > suffix.Length
                && !uri.Host[..^suffix.Length].Contains('.', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalise(Uri uri) => $"{uri.Scheme}://{uri.Host}:{uri.Port}".ToLowerInvariant();
}
