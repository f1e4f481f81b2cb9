namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// One store table after the import: rows sent, and of them inserted and updated (an unchanged row is not rewritten, DATA_MODEL.md
/// §0 upsert), plus rows of the imported presentations deleted because the files no longer hold them.
/// </summary>
public sealed record OuladTableResult(string Table, long Rows, long Inserted, long Updated, long Deleted);
