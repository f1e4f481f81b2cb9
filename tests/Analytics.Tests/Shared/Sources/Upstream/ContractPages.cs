using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>Recorded contract pages (tests/Contracts/Upstreams) read as JSON, and pages built from items in a test.</summary>
public static class ContractPages
{
    /// <summary>The items of a recorded page, each a detached copy a test may change.</summary>
    public static List<JsonObject> Items(UpstreamService service, string file)
    {
        var page = JsonNode.Parse(File.ReadAllText(Path.Combine(UpstreamTestHost.ContractsPath, service.ConfigName, file)))!;
        return page["items"]!.AsArray().Select(i => i!.DeepClone().AsObject()).ToList();
    }

    /// <summary>A last page (`nextCursor` null) holding the items.</summary>
    public static JsonObject Page(IEnumerable<JsonNode> items) => new()
    {
        ["items"] = new JsonArray(items.Select(i => i.Parent is null ? i : i.DeepClone()).ToArray()),
        ["nextCursor"] = null,
        ["asOf"] = "2025-10-27T03:00:00Z",
    };
}
