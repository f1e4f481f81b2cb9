namespace Analytics.Api.Shared.Sources.Oulad;

/// <summary>The seven OULAD files and the columns the importer reads from each (the published layout; extra columns are ignored).</summary>
public static class OuladFiles
{
    public const string Courses = "courses.csv";
    public const string Assessments = "assessments.csv";
    public const string Vle = "vle.csv";
    public const string StudentInfo = "studentInfo.csv";
    public const string StudentRegistration = "studentRegistration.csv";
    public const string StudentAssessment = "studentAssessment.csv";
    public const string StudentVle = "studentVle.csv";
    public const string StudentVleGzip = "studentVle.csv.gz";

    /// <summary>The fixture's independent per-registration-week figures (ANALYTICS.md §9 C1).</summary>
    public const string ExpectedStudentWeekClicks = "expected_student_week_clicks.csv";

    public static IReadOnlyList<string> CourseColumns { get; } = ["code_module", "code_presentation", "module_presentation_length"];

    public static IReadOnlyList<string> AssessmentColumns { get; } =
        ["code_module", "code_presentation", "id_assessment", "assessment_type", "date", "weight"];

    public static IReadOnlyList<string> VleColumns { get; } = ["id_site", "code_module", "code_presentation", "activity_type", "week_from"];

    public static IReadOnlyList<string> StudentInfoColumns { get; } =
    [
        "code_module", "code_presentation", "id_student", "gender", "region", "highest_education", "imd_band", "age_band",
        "num_of_prev_attempts", "studied_credits", "disability", "final_result",
    ];

    public static IReadOnlyList<string> StudentRegistrationColumns { get; } =
        ["code_module", "code_presentation", "id_student", "date_registration", "date_unregistration"];

    public static IReadOnlyList<string> StudentAssessmentColumns { get; } = ["id_assessment", "id_student", "date_submitted", "is_banked", "score"];

    public static IReadOnlyList<string> StudentVleColumns { get; } = ["code_module", "code_presentation", "id_student", "id_site", "date", "sum_click"];

    /// <summary>studentVle.csv if present, else studentVle.csv.gz; a missing file is reported by <see cref="OuladCsv.Open"/>.</summary>
    public static string StudentVlePath(string directory)
    {
        var plain = Path.Combine(directory, StudentVle);
        var gzip = Path.Combine(directory, StudentVleGzip);
        return File.Exists(plain) || !File.Exists(gzip) ? plain : gzip;
    }
}
