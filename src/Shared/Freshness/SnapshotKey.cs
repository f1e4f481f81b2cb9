namespace Analytics.Api.Shared.Freshness;

/// <summary>
/// What a snapshot is stored under (DATA_MODEL.md §2): subject type and id, role family, analytic id. Only the default view of
/// an analytic has one; filtered reads live in memory only (API.md §4).
/// </summary>
public sealed record SnapshotKey(string SubjectType, string SubjectId, string Role, string Analytic)
{
    public RefreshSubject Subject => new(SubjectType, SubjectId, Role);

    public static SnapshotKey Learner(string userId, string analytic) => new("learner", userId, RoleFamilies.Learner, analytic);

    public static SnapshotKey Trainer(string trainerId, string analytic) => new("trainer", trainerId, RoleFamilies.Trainer, analytic);

    public static SnapshotKey Organisation(string organisationId, string analytic) =>
        new("organisation", organisationId, RoleFamilies.OrgAdmin, analytic);
}
