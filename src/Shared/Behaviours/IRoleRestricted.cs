namespace Analytics.Api.Shared.Behaviours;

/// <summary>Marker: the message may only be sent under one of these active roles (API.md §1.6 step 6).</summary>
public interface IRoleRestricted
{
    IReadOnlyList<string> AllowedRoles { get; }
}
