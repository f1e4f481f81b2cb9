namespace Analytics.Api.Shared.Freshness;

/// <summary>A refresh job as the queue handles it (settable: Dapper maps `text[]` onto properties, not constructors).</summary>
public sealed class RefreshJobRow
{
    public string JobId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public string SubjectId { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string[] Analytics { get; set; } = [];

    public string Trigger { get; set; } = string.Empty;

    public RefreshSubject Subject => new(SubjectType, SubjectId, Role);
}
