using Analytics.Api.Shared.Observability;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Shared.Observability;

/// <summary>The cache hit rates of `/api/status` come from the counter the caching layer already emits, unchanged.</summary>
public sealed class CacheLookupListenerTests
{
    [Test]
    public async Task Listener_FeedsMemoryAndSnapshotLookupsOfTheCacheCounterIntoTheWindow()
    {
        var window = new RequestWindow(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero)));
        using var listener = new CacheLookupListener(window);
        await listener.StartAsync(CancellationToken.None);

        AnalyticsTelemetry.CacheRequests.Add(3, Tag("layer", "memory"), Tag("result", "hit"));
        AnalyticsTelemetry.CacheRequests.Add(1, Tag("layer", "memory"), Tag("result", "miss"));
        AnalyticsTelemetry.CacheRequests.Add(1, Tag("layer", "snapshot"), Tag("result", "miss"));
        await listener.StopAsync(CancellationToken.None);
        AnalyticsTelemetry.CacheRequests.Add(5, Tag("layer", "memory"), Tag("result", "miss"));

        var reading = window.Read();
        Assert.Multiple(() =>
        {
            Assert.That(reading.MemoryHitRate, Is.EqualTo(0.75), "lookups after the listener stopped are not counted");
            Assert.That(reading.SnapshotHitRate, Is.Zero);
            Assert.That(reading.CacheHitRate, Is.EqualTo(0.75));
        });
    }

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
