namespace Analytics.Api.Shared.Sources.Upstream;

/// <summary>
/// What a sync covers: the mode, the services (null: every configured one) and the organisation (null: all of them), and why it
/// runs (`schedule`, `manual`, `start-up`, `cli`) and for whom.
/// </summary>
public sealed record SyncRequest(SyncMode Mode, IReadOnlyList<UpstreamService>? Services = null, string? OrganisationId = null)
{
    public string Trigger { get; init; } = "schedule";

    public string? RequestedBy { get; init; }
}
