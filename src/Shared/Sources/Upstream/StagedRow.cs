namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// One canonical row for a table: the record (serialised snake_case into the table's write statement), its upsert key as one
/// string (the form the reconcile statement compares), the parents it needs and the upstream item it came from (kept as the
/// reject payload, so a rejected item is mapped again on the next pass).
/// </summary>
public sealed record StagedRow(object Record, string Key, IReadOnlyList<RecordParent> Parents, object Item);
