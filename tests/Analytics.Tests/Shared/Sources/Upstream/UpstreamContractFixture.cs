using System.Text.Json.Nodes;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Shared.Sources.Upstream;

/// <summary>
/// A WireMock contract fixture for one service (SOURCES.md §3.7): its own database, its listings served from the recorded pages
/// (page 1 hands a cursor to page 2), one incremental pass at start whose stored rows the mapping tests read. The tests of this
/// base run for every service: each listing is read page by page until `nextCursor` is null, and a second identical pass writes
/// nothing. Tests that change what a service sends start again from the recorded pages, so they do not depend on their order.
/// </summary>
[NonParallelizable]
public abstract class UpstreamContractFixture
{
    private readonly Dictionary<string, IReadOnlyList<string>> _stored = new(StringComparer.Ordinal);
    private WireMock.Logging.ILogEntry[] _firstCalls = [];

    protected UpstreamTestHost Host { get; private set; } = null!;

    protected SyncRunResult First { get; private set; } = null!;

    protected abstract string Database { get; }

    protected abstract UpstreamService Service { get; }

    protected abstract IReadOnlyList<RecordedListing> Listings { get; }

    /// <summary>Per table: a query giving one text line per stored row, in a fixed order.</summary>
    protected abstract IReadOnlyDictionary<string, string> RowQueries { get; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Host = await UpstreamTestHost.StartAsync(
            Database, new Dictionary<string, string?> { ["Sync:Organisations:0"] = UpstreamSeed.Organisation }, [Service]);
        await SeedAsync(Host.ConnectionString);
        ServeRecorded();
        First = await SyncAsync();
        _firstCalls = Host.Server.LogEntries.ToArray();
        foreach (var table in RowQueries.Keys)
        {
            _stored[table] = await RowsAsync(table);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await Host.DisposeAsync();

    [Test]
    public void FirstPass_CompletesWithoutRejects()
    {
        Assert.Multiple(() =>
        {
            Assert.That(First.Status, Is.EqualTo("completed"), string.Join("; ", First.Failures));
            Assert.That(First.RowsRejected, Is.Zero);
            Assert.That(First.RowsWritten, Is.Positive);
        });
    }

    [Test]
    public void Sync_ReadsEveryListingPageByPage_UntilNextCursorIsNull()
    {
        Assert.That(Listings, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var listing in Listings)
            {
                var calls = _firstCalls.Select(e => e.RequestMessage).Where(r => r.Path == $"/{Service.Name}/api/v1/{listing.Path}").ToArray();
                Assert.That(calls, Has.Length.EqualTo(2), listing.Path);
                if (calls.Length == 2)
                {
                    Assert.That(calls[0].Query!.ContainsKey("cursor"), Is.False, listing.Path);
                    Assert.That(calls[1].Query!["cursor"].Single(), Is.EqualTo(listing.Cursor), listing.Path);
                }
            }
        });
    }

    [Test]
    public async Task SecondIdenticalPass_WritesNothing()
    {
        ServeRecorded();
        await SyncAsync();

        var again = await SyncAsync();

        Assert.Multiple(() =>
        {
            Assert.That(again.Status, Is.EqualTo("completed"), string.Join("; ", again.Failures));
            Assert.That(again.RowsWritten, Is.Zero, "an identical page changes no row");
            Assert.That(again.RowsDeleted, Is.Zero);
        });
    }

    protected abstract Task SeedAsync(string connectionString);

    /// <summary>Listings of the service the fixture needs besides its own (the Directory's people, for its mentoring links).</summary>
    protected virtual void ServeParents()
    {
    }

    /// <summary>The rows the first pass stored in a table.</summary>
    protected IReadOnlyList<string> Stored(string table) => _stored[table];

    /// <summary>Every listing answers with its recorded pages again (and any other listing with an empty page).</summary>
    protected void ServeRecorded()
    {
        Host.Server.ResetMappings();
        ServeParents();
        foreach (var listing in Listings)
        {
            Host.Serve(Service, listing.Path, $"{listing.File}.page1.json");
            Host.Serve(Service, listing.Path, $"{listing.File}.page2.json", listing.Cursor);
        }

        Host.EmptyEverywhere();
    }

    /// <summary>The items of both recorded pages of a listing.</summary>
    protected List<JsonObject> Recorded(string file) =>
        [.. ContractPages.Items(Service, $"{file}.page1.json"), .. ContractPages.Items(Service, $"{file}.page2.json")];

    /// <summary>The recorded items of a listing with one changed (or, when <paramref name="change"/> returns null, left out).</summary>
    protected List<JsonObject> RecordedWith(string file, Func<JsonObject, bool> which, Func<JsonObject, JsonObject?> change) =>
        Recorded(file).Select(i => which(i) ? change(i) : i).OfType<JsonObject>().ToList();

    protected Task<SyncRunResult> SyncAsync(SyncMode mode = SyncMode.Incremental) =>
        Host.Sync.RunAsync(new SyncRequest(mode), CancellationToken.None);

    protected Task<IReadOnlyList<string>> RowsAsync(string table) => Host.QueryAsync<string>(RowQueries[table]);

    /// <summary>
    /// From the recorded state (a full pass, so rows other tests added are gone), serves <paramref name="items"/> as the whole listing
    /// at <paramref name="path"/> (and <paramref name="also"/> as another listing), runs a pass and returns the table's rows before
    /// and after.
    /// </summary>
    protected async Task<(IReadOnlyList<string> Before, IReadOnlyList<string> After, SyncRunResult Result)> ChangeAsync(
        string table, string path, IEnumerable<JsonNode> items, SyncMode mode = SyncMode.Incremental,
        (string Path, IEnumerable<JsonNode> Items)? also = null)
    {
        ServeRecorded();
        var restored = await SyncAsync(SyncMode.Full);
        Assert.That(restored.Status, Is.EqualTo("completed"), string.Join("; ", restored.Failures));
        var before = await RowsAsync(table);
        Host.ServeJson(Service, path, ContractPages.Page(items), priority: 1);
        if (also is { } other)
        {
            Host.ServeJson(Service, other.Path, ContractPages.Page(other.Items), priority: 1);
        }

        var result = await SyncAsync(mode);
        Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
        return (before, await RowsAsync(table), result);
    }

    /// <summary>Serves a page of at least 20 items (one bad) as the listing and runs an incremental pass.</summary>
    protected async Task<SyncRunResult> ServePageAsync(string path, IReadOnlyList<JsonNode> items)
    {
        Assert.That(items, Has.Count.GreaterThanOrEqualTo(20));
        ServeRecorded();
        Host.ServeJson(Service, path, ContractPages.Page(items), priority: 1);
        return await SyncAsync();
    }

    protected Task<string?> RejectReasonAsync(string entity, string recordKey) =>
        Host.ScalarAsync<string>(
            "SELECT reason FROM ops.sync_rejects WHERE source = 'upstream' AND entity = @entity AND record_key = @recordKey",
            new { entity, recordKey });

    /// <summary>A page with one bad item: the pass completes, the others are stored, the bad one is in ops.sync_rejects with its reason.</summary>
    protected static void AssertOneRejected(
        SyncRunResult result, long stored, long expectedStored, string? reason, NUnit.Framework.Constraints.IResolveConstraint expectedReason)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(result.RowsRejected, Is.EqualTo(1));
            Assert.That(stored, Is.EqualTo(expectedStored), "the rest of the page is stored");
            Assert.That(reason, expectedReason);
        });
    }

    protected static string? Id(JsonObject item, string field = "id") => (string?)item[field];

    /// <summary>The item as a tombstone (`deletedAt` set).</summary>
    protected static JsonObject Tombstone(JsonObject item)
    {
        item["deletedAt"] = "2025-10-27T02:40:00Z";
        return item;
    }

    /// <summary>The rows after a change are the rows before it less exactly those starting with <paramref name="lost"/>.</summary>
    protected static void AssertLost(IReadOnlyList<string> before, IReadOnlyList<string> after, string lost, int rows = 1)
    {
        Assert.Multiple(() =>
        {
            Assert.That(before.Count(r => r.StartsWith(lost, StringComparison.Ordinal)), Is.EqualTo(rows), $"{lost} is there before");
            Assert.That(after, Is.EqualTo(before.Where(r => !r.StartsWith(lost, StringComparison.Ordinal))), $"only {lost} is gone");
        });
    }
}
