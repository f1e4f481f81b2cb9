namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>Incremental (`updatedSince` = watermark − overlap) or a full reconcile listing (SOURCES.md §5).</summary>
public enum SyncMode
{
    Incremental,
    Full,
}
