using System.Globalization;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningVelocity;

/// <summary>
/// Organisational learning velocity, `learning-velocity@1.0` (ANALYTICS.md §3.1), from the statement's group rows. k is checked
/// again here (the statement already left small groups out), so a fault in one place cannot publish a group below k.
/// </summary>
public static class LearningVelocityCalculator
{
    public const string DefinitionVersion = "learning-velocity@1.0";

    public const string CalculationMethod = "not available: the store holds no cost or revenue data";

    /// <summary>Bands of the extra `velocity` block (the app's pie cut-offs).</summary>
    public const int HighVelocity = 70;

    public const int MediumVelocity = 30;

    public static readonly IReadOnlyList<string> MoneyFields =
        ["roiMetrics.roi", "roiMetrics.costPerSkillAcquired", "roiMetrics.trainingInvestment", "roiMetrics.productivityGains"];

    private static readonly string[] VelocityFields = ["velocity.average", "velocity.high", "velocity.medium", "velocity.low"];

    public static (LearningVelocityPayload Payload, SuppressionInfo? Suppression) Compute(LearningVelocityInput input)
    {
        var k = input.MinGroupSize;
        var windows = new MemberFactWindows(input.AsOf);
        var total = input.Groups.FirstOrDefault(g => g.IsTotal);
        if (total is null || total.Employees < k)
        {
            return (Suppressed(input.AsOf, k), SuppressionInfo.WholeGroup(k));
        }

        var departments = input.Groups.Where(g => !g.IsTotal && g.DepartmentId is not null).ToArray();
        var shown = departments.Where(g => g.Employees >= k).ToArray();
        var suppressedSegments = total.SuppressedSegments + (departments.Length - shown.Length);
        var suppressedFields = new List<string>();

        LearningVelocityBands velocity;
        if (total.VelocityPeople >= k && total.VelocityMean is { } mean)
        {
            velocity = new LearningVelocityBands(Numbers.RoundToInt(mean), total.VelocityHigh, total.VelocityMedium, total.VelocityLow);
        }
        else
        {
            velocity = new LearningVelocityBands(null, null, null, null);
            if (total.VelocityPeople > 0)
            {
                suppressedFields.AddRange(VelocityFields);
            }
        }

        var timeToSkill = input.TimeToSkill is { People: { } people, MedianDays: { } days } && people >= k ? Weeks(days) : null;
        var hasData = total.ActiveNow > 0 || total.ActiveThen > 0 || total.SkillsAcquired > 0 || total.FinishedEnrolments > 0
                      || total.VelocityPeople > 0 || input.UnitCompletions.Any || timeToSkill is not null;

        var payload = new LearningVelocityPayload
        {
            DefinitionVersion = DefinitionVersion,
            AsOf = input.AsOf,
            DataStatus = hasData ? DataStatuses.Ok : DataStatuses.NoData,
            NotAvailable = MoneyFields,
            Period = windows.Period,
            Overview = new LearningVelocityOverview(
                total.Employees,
                Percent(total.ActiveNow, total.Employees),
                total.SkillsAcquired,
                total.ActiveNow,
                total.Certifications),
            RoiMetrics = new LearningVelocityRoi(null, null, null, null, CalculationMethod, timeToSkill),
            DepartmentBreakdown = shown.Select((g, i) => Department(g, i, k, suppressedFields)).ToArray(),
            Trends = Trends(windows, input.UnitCompletions),
            Velocity = velocity,
            SuppressedFields = suppressedFields.Count > 0 ? suppressedFields : null,
        };

        var suppression = SuppressionInfo.Segments(k, suppressedSegments);
        return (payload, suppression);
    }

    /// <summary>The whole response withheld (ANALYTICS.md §0.5): the shape kept, every aggregate null, every list empty.</summary>
    public static LearningVelocityPayload Suppressed(DateOnly asOf, int minGroupSize) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        NotAvailable = MoneyFields,
        Period = new MemberFactWindows(asOf).Period,
        Overview = new LearningVelocityOverview(null, null, null, null, null),
        RoiMetrics = new LearningVelocityRoi(null, null, null, null, CalculationMethod, null),
        DepartmentBreakdown = [],
        Trends = new LearningVelocityTrends(null, null, null),
        Velocity = new LearningVelocityBands(null, null, null, null),
        Suppressed = true,
        Message = SuppressionInfo.MessageFor(minGroupSize),
    };

    /// <summary>A department row; its completion rate rests on the people with a finished enrolment, so it is withheld below k.</summary>
    private static LearningVelocityDepartment Department(LearningVelocityGroup g, int index, int k, List<string> suppressedFields)
    {
        var completion = Percent(g.CompletedEnrolments, g.FinishedEnrolments);
        if (completion is not null && g.FinishedPeople < k)
        {
            completion = null;
            suppressedFields.Add(string.Create(CultureInfo.InvariantCulture, $"departmentBreakdown[{index}].completionRate"));
        }

        return new LearningVelocityDepartment(
            g.DepartmentId!,
            g.DepartmentName ?? g.DepartmentId!,
            g.Employees,
            Percent(g.ActiveNow, g.Employees),
            completion,
            g.SkillsAcquired,
            Labels.ChangeString(g.ActiveNow, g.ActiveThen));
    }

    private static double? Percent(int part, int whole) => whole == 0 ? null : Numbers.Round(100.0 * part / whole, 1);

    /// <summary>"6.5 weeks": the median days divided by 7, 1 dp.</summary>
    private static string Weeks(double days) =>
        Numbers.Round(days / 7, 1).ToString("0.0", CultureInfo.InvariantCulture) + " weeks";

    /// <summary>
    /// Quarter to date against the same number of days from the start of the previous quarter and of the same quarter last
    /// year (each kept inside its own quarter); the peak month is the one of the last 12 with the most completions (ties: the later).
    /// </summary>
    private static LearningVelocityTrends Trends(MemberFactWindows windows, UnitCompletions units)
    {
        string? peak = null;
        var best = 0;
        for (var i = 0; i < units.Months.Length; i++)
        {
            if (units.Months[i] > 0 && units.Months[i] >= best)
            {
                best = units.Months[i];
                peak = windows.MonthsFrom.AddMonths(i).ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            }
        }

        return new LearningVelocityTrends(
            Labels.ChangeString(units.Quarter, units.PreviousQuarter), Labels.ChangeString(units.Quarter, units.LastYearQuarter), peak);
    }
}
