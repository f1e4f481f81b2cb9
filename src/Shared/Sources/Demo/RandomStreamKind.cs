namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>
/// The entity kinds that own a random stream (SOURCES.md §2.2). The numbers are part of the generated data:
/// changing one changes every row drawn from that stream.
/// </summary>
public enum RandomStreamKind
{
    Organisation = 1,
    Skill = 2,
    Course = 3,
    Trainer = 4,
    LearnerTraits = 5,
    LearnerEnrolments = 6,
    LearnerActivity = 7,
    OrganisationTargets = 8,
    Layout = 9,
    FixedProfile = 10,
}
