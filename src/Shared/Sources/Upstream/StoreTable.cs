namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// An lrs table the upstream sync writes: its statements `Upstream.&lt;Statement&gt;.Write` (upsert with the `IS DISTINCT FROM`
/// guard, tombstone deletes, replace-set deletes) and, for a full reconcile, `Upstream.&lt;Statement&gt;.Reconcile` (delete the
/// organisation's upstream rows whose key the listing did not return). <see cref="ReplaceSet"/>: rows of a parent missing from the
/// incoming set are deleted (DATA_MODEL.md §1.6).
/// </summary>
public sealed record StoreTable(string Name, string Statement, bool ReplaceSet = false, bool Reconciled = true)
{
    public string WriteSql => $"Upstream.{Statement}.Write";

    public string ReconcileSql => $"Upstream.{Statement}.Reconcile";
}
