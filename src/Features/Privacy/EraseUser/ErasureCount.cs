namespace Analytics.Api.Features.Privacy.EraseUser;

/// <summary>One row of the erasure's statements: a table, how many rows, and whether they were `deleted` or `anonymised`.</summary>
public sealed record ErasureCount(string Table, long Count, string Kind);
