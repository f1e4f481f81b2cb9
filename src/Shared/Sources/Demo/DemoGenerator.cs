namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>The deterministic demo generator (SOURCES.md §2).</summary>
public static class DemoGenerator
{
    public static Task<bool> StoreIsEmptyAsync(string connectionString, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public static Task<DemoGenerationResult> RunAsync(string connectionString, DemoOptions options, ILogger logger, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
