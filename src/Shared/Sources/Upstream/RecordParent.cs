namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>A row another row needs before it can be stored (an lrs table and an id); missing, the row goes to ops.sync_rejects.</summary>
public readonly record struct RecordParent(string Table, string Id);
