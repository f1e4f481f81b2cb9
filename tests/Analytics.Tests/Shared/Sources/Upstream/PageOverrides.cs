using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// Recorded pages served over a contract test's base pages for one step (WireMock priority 1, whatever the cursor), and removed
/// again by <see cref="Clear"/> so the next step sees the base pages.
/// </summary>
public sealed class PageOverrides(UpstreamTestHost host)
{
    private readonly List<Guid> _mappings = [];

    public void Serve(UpstreamService service, string path, string file)
    {
        var guid = Guid.NewGuid();
        host.Server.Given(Request.Create().UsingGet().WithPath($"/{service.Name}/api/v1/{path}")).WithGuid(guid).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(File.ReadAllText(Path.Combine(UpstreamTestHost.ContractsPath, service.ConfigName, file))));
        _mappings.Add(guid);
    }

    public void Clear()
    {
        foreach (var guid in _mappings)
        {
            host.Server.DeleteMapping(guid);
        }

        _mappings.Clear();
    }
}
