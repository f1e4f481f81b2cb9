namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>Why a call to a service failed; the `lastError.code` of the integration health (API.md §4.9).</summary>
public static class UpstreamFailure
{
    /// <summary>5xx, 408, 429, a timeout or a connection error, after the retries.</summary>
    public const string Unavailable = "upstream_unavailable";

    /// <summary>401 or 403: the service's pass stops at once (SOURCES.md §3.5).</summary>
    public const string AuthFailed = "upstream_auth_failed";

    /// <summary>The open breaker rejected the call without sending it.</summary>
    public const string BreakerOpen = "upstream_breaker_open";

    /// <summary>The body is not the contract's page (malformed JSON, missing items or asOf).</summary>
    public const string Contract = "upstream_contract_violation";

    /// <summary>Any other 4xx: the request itself was refused.</summary>
    public const string Rejected = "upstream_request_rejected";

    /// <summary>More than `Sync:MaxRejectRatio` of a page could not be mapped or stored.</summary>
    public const string TooManyRejects = "upstream_too_many_rejects";
}
