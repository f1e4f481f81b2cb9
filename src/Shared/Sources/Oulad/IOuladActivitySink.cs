namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>Where the summed studentVle keys go: the bulk fast path, the upsert path or, on a dry run, nowhere.</summary>
public interface IOuladActivitySink
{
    /// <summary>
    /// Receives the complete set of keys of <paramref name="courses"/> (packed by <see cref="OuladClickReader.Key"/>, value =
    /// events &lt;&lt; 32 | raw rows). It must be done with <paramref name="keys"/> when it returns: the reader reuses it.
    /// </summary>
    void Write(IReadOnlyList<int> courses, Dictionary<ulong, ulong> keys);
}
