namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// One service's settings (SOURCES.md §3.1, §3.5): `Upstreams:Defaults` overlaid with `Upstreams:&lt;Name&gt;`. A service with an
/// empty BaseUrl is not configured: its entity kinds are not provided, which is different from a configured service that fails.
/// </summary>
public sealed class UpstreamOptions
{
    public string? BaseUrl { get; set; }

    /// <summary>Bearer token; from the secret store or the environment, never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Attempt timeout per call.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>Total timeout of one logical call, retries included.</summary>
    public double TotalTimeoutSeconds { get; set; } = 20;

    public int PageSize { get; set; } = 500;

    public int MaxConcurrency { get; set; } = 4;

    public int MaxRetries { get; set; } = 2;

    /// <summary>Base of the exponential retry backoff (with jitter).</summary>
    public double RetryBaseDelaySeconds { get; set; } = 1;

    /// <summary>A `Retry-After` longer than this is cut to it.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>How long an open breaker rejects calls before one probe.</summary>
    public double BreakSeconds { get; set; } = 30;

    public bool Configured => !string.IsNullOrWhiteSpace(BaseUrl);

    /// <summary>Reads `Upstreams:Defaults` then `Upstreams:&lt;ConfigName&gt;` over it.</summary>
    public static UpstreamOptions For(IConfiguration configuration, UpstreamService service)
    {
        var options = new UpstreamOptions();
        configuration.GetSection("Upstreams:Defaults").Bind(options);
        configuration.GetSection($"Upstreams:{service.ConfigName}").Bind(options);
        return options;
    }
}
