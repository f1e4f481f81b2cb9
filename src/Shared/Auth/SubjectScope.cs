namespace Analytics.Api.Shared.Auth;

/// <summary>Whose data an active role may read in an area (PRODUCT.md decision 4).</summary>
public enum SubjectScope
{
    /// <summary>Only the caller's own id.</summary>
    Self,

    /// <summary>Other users enrolled (any status) in a course the caller teaches.</summary>
    Students,

    /// <summary>Users of the caller's organisation.</summary>
    Members,

    /// <summary>Members holding the trainer role or teaching a course of the organisation.</summary>
    OrganisationTrainers,

    /// <summary>The caller's organisation itself.</summary>
    OwnOrganisation,

    /// <summary>The caller's own id (their trainer cohort) or a student of theirs.</summary>
    SelfOrStudents,

    /// <summary>The caller's organisation (its cohort) or a member of it.</summary>
    OwnOrganisationOrMembers,

    /// <summary>Any user of the store (platform-admin on privacy endpoints); an unknown id is 404 (API.md §3.4).</summary>
    AnyUser,
}
