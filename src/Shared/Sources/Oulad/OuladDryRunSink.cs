namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary><c>--dry-run</c>: the keys are counted by the reader and dropped here.</summary>
public sealed class OuladDryRunSink : IOuladActivitySink
{
    public void Write(IReadOnlyList<int> courses, Dictionary<ulong, ulong> keys)
    {
    }
}
