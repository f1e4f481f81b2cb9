namespace Analytics.Api.Shared.Behaviours;

/// <summary>
/// Marker: the message may only be sent under one of these active roles (API.md §1.6 step 6). Messages that read a subject of
/// an area (<see cref="ISubjectScoped"/>) need not carry it: their roles are that area's in the access rules.
/// </summary>
public interface IRoleRestricted
{
    IReadOnlyList<string> AllowedRoles { get; }
}
