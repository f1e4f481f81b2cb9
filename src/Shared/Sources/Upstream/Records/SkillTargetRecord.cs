namespace Analytics.Api.Shared.Sources.Upstream.Records;

/// <summary>A row of lrs.skill_targets (DATA_MODEL.md §1.4): a skill level an organisation, or one of its departments, requires.</summary>
public readonly record struct SkillTargetRecord(
    string Id,
    string OrganisationId,
    string? DepartmentId,
    string SkillId,
    short RequiredLevel,
    string BusinessPriority,
    string? ValueProposition,
    short? CareerImpact);
