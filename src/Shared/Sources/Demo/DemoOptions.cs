namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>Generator parameters (SOURCES.md §2.1); presets fill the defaults.</summary>
public sealed record DemoOptions
{
    public string Preset { get; init; } = "small";
    public ulong Seed { get; init; } = 42;
    public DateOnly? EndDate { get; init; }
    public bool Replace { get; init; }

    public static DemoOptions Parse(IReadOnlyList<string> args) => throw new NotImplementedException();

    public static DemoOptions FromConfiguration(IConfiguration section) => throw new NotImplementedException();
}
