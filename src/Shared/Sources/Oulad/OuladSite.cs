namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>A VLE resource (vle.csv) as a content item <c>oulad-site-&lt;id_site&gt;</c>; <see cref="TopicId"/> is set by derived topics.</summary>
public sealed record OuladSite(int IdSite, int Course, string Type, string ActivityType, int? WeekFrom)
{
    public string Id { get; } = $"oulad-site-{IdSite}";

    public string? TopicId { get; init; }
}
