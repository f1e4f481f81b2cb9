using System.Text.Json.Serialization;

namespace Analytics.Api.Features.Privacy.EraseUser;

/// <summary>
/// `{erasedUserId, erasedAt, deleted {"&lt;schema.table&gt;": count}, recomputeJobId}`; `notes[]` only when removal at the source is
/// also needed (external identity mode, upstream sources).
/// </summary>
public sealed record ErasureReceipt(
    string ErasedUserId,
    DateTimeOffset ErasedAt,
    IReadOnlyDictionary<string, long> Deleted,
    string? RecomputeJobId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Notes);
