namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>
/// studentInfo.csv as lrs.learner_attributes: <c>10-20</c> → <c>10-20%</c>, Y/N → boolean, empty → NULL. Region is kept here raw
/// and also names the learner's department.
/// </summary>
public sealed record OuladLearnerAttributes(
    string? Gender,
    string? AgeBand,
    string? HighestEducation,
    string? ImdBand,
    bool? Disability,
    string? Region,
    short? NumOfPrevAttempts,
    short? StudiedCredits);
