namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>A row left out because its parent is missing (written to ops.sync_rejects; at most <see cref="MaxKept"/> are kept per run).</summary>
public sealed record OuladReject(string Entity, string RecordKey, string Reason, string File, long Line)
{
    public const int MaxKept = 1000;
}
