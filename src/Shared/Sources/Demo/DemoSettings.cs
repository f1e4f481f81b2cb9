namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>The effective generation parameters after the preset and the overrides are merged (SOURCES.md §2.1).</summary>
public sealed record DemoSettings(
    string Preset,
    ulong Seed,
    DateOnly EndDate,
    int Organisations,
    int DepartmentsMin,
    int DepartmentsMax,
    int Learners,
    int Trainers,
    int Courses,
    int Days,
    int Skills,
    double ActivityScale,
    int MaxSessionsPerDay,
    bool Replace)
{
    /// <summary>asOf of the demo organisations: their <c>settings.analysisDate</c> is the day after.</summary>
    public DateOnly AnalysisDate => EndDate.AddDays(1);

    /// <summary>Throws when the numbers cannot hold the fixed demo organisation of SOURCES.md §2.3.</summary>
    public void Validate()
    {
        if (Learners < FixedDemo.OrganisationLearners)
        {
            throw new ArgumentException(
                $"generate: at least {FixedDemo.OrganisationLearners} learners are needed: org-123 alone has that many (SOURCES.md §2.3).");
        }

        if (Trainers < FixedDemo.OrganisationTrainers)
        {
            throw new ArgumentException(
                $"generate: at least {FixedDemo.OrganisationTrainers} trainers are needed: org-123 alone has that many (SOURCES.md §2.3).");
        }

        if (Courses < FixedDemo.OrganisationCourses)
        {
            throw new ArgumentException(
                $"generate: at least {FixedDemo.OrganisationCourses} courses are needed: org-123 alone has that many.");
        }

        if (Organisations > 1 && (Learners - FixedDemo.OrganisationLearners) < (Organisations - 1) * LatentModel.MinLearnersPerOrganisation)
        {
            throw new ArgumentException(
                $"generate: {Organisations} organisations need at least {LatentModel.MinLearnersPerOrganisation} learners each beyond org-123.");
        }

        if (Organisations > 1 && (Courses - FixedDemo.OrganisationCourses) < (Organisations - 1) * LatentModel.MinCoursesPerOrganisation)
        {
            throw new ArgumentException(
                $"generate: {Organisations} organisations need at least {LatentModel.MinCoursesPerOrganisation} courses each beyond org-123.");
        }

        if (Organisations > 1 && (Trainers - FixedDemo.OrganisationTrainers) < Organisations - 1)
        {
            throw new ArgumentException($"generate: {Organisations} organisations need at least one trainer each beyond org-123.");
        }
    }
}
