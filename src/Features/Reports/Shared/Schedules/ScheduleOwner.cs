namespace Analytics.Api.Features.Reports.Shared.Schedules;

/// <summary>A schedule's owner as `lrs.users` / `lrs.user_roles` hold them now.</summary>
public sealed class ScheduleOwner
{
    public string UserId { get; set; } = string.Empty;

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string OrganisationId { get; set; } = string.Empty;

    public string? DepartmentId { get; set; }

    public bool Active { get; set; }

    public string? TimeZone { get; set; }

    public string[] Roles { get; set; } = [];
}
