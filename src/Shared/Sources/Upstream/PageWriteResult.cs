namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>Rows a page wrote (inserted or really changed), deleted and rejected.</summary>
public sealed record PageWriteResult(long Written, long Deleted, long Rejected);
