namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// One of the nine platform services (SOURCES.md §3): its configuration name (`Upstreams:&lt;ConfigName&gt;`) and the kebab-case
/// name the API, metrics and `meta.degradedUpstreams` use (API.md §4.9).
/// </summary>
public sealed record UpstreamService(string ConfigName, string Name);
