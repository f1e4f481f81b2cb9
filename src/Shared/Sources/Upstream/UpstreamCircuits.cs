namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>The <see cref="UpstreamCircuit"/> of each of the nine services in this instance, and each one's settings.</summary>
public sealed class UpstreamCircuits
{
    private readonly Dictionary<string, UpstreamCircuit> _circuits;
    private readonly Dictionary<string, UpstreamOptions> _options;

    public UpstreamCircuits(IConfiguration configuration, TimeProvider timeProvider)
    {
        _circuits = UpstreamServices.All.ToDictionary(s => s.Name, s => new UpstreamCircuit(s, timeProvider));
        _options = UpstreamServices.All.ToDictionary(s => s.Name, s => UpstreamOptions.For(configuration, s));
    }

    public UpstreamCircuit this[UpstreamService service] => _circuits[service.Name];

    public UpstreamOptions Options(UpstreamService service) => _options[service.Name];

    public IEnumerable<UpstreamCircuit> All => UpstreamServices.All.Select(s => _circuits[s.Name]);

    /// <summary>The services with a BaseUrl: only these provide entity kinds (SOURCES.md §3.1).</summary>
    public IReadOnlyList<UpstreamService> Configured => UpstreamServices.All.Where(s => _options[s.Name].Configured).ToArray();
}
