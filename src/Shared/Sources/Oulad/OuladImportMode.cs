namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary><c>--mode</c> of <c>import oulad</c> (SOURCES.md §4.1).</summary>
public enum OuladImportMode
{
    /// <summary>Re-import: the presentations' <c>oulad</c> rows become exactly what the files say (upserts plus deletes).</summary>
    Replace,

    /// <summary>Refuse to import when the store already holds a course or the organisation of this import.</summary>
    FailIfPresent,
}
