using System.Globalization;
using Analytics.Api.Features.OrganisationAnalytics.Shared;
using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.OrganisationAnalytics.LearningCulture;

/// <summary>
/// Learning culture, `learning-culture@1.0` (ANALYTICS.md §3.3): maturity = 0.35·VP + 0.20·VC + 0.20·KSIn + 0.15·ME + 0.10·SA
/// over the components that have data (§0.4 renormalisation; SA is missing until gamification lands, §0.7), the metric blocks,
/// the proxies, the platform benchmark and the two recommendations. k (§0.5) is checked again here after the statement.
/// </summary>
public static class LearningCultureCalculator
{
    public const string DefinitionVersion = "learning-culture@1.0";
    public const string BenchmarkScope = "platform";

    public const string VoluntaryParticipation = "voluntaryParticipation";
    public const string VoluntaryCompletion = "voluntaryCompletion";
    public const string KnowledgeSharing = "knowledgeSharing";
    public const string MentorshipEngagement = "mentorshipEngagement";
    public const string StreakActivity = "streakActivity";

    public const string EngagementScorePath = "metrics.learningEngagement.score";
    public const string KnowledgeSharingScorePath = "metrics.knowledgeSharing.score";
    public const string SkillApplicationPath = "metrics.continuousImprovement.skillApplicationRate";
    public const string LearningTimePath = "culturalIndicators.learningTimeAllocation";

    private static readonly string[] MentoringPaths = ["metrics.knowledgeSharing.mentorshipPrograms", "metrics.knowledgeSharing.activeMentors"];

    private static readonly string[] BenchmarkPaths = ["benchmarks.industryAverage", "benchmarks.vsIndustry", "benchmarks.standing"];

    /// <summary>Fields no source supplies (§3.3) and the streak component (§0.7), which has no field of its own.</summary>
    private static readonly string[] AlwaysNotAvailable =
    [
        "metrics.innovationMetrics.score", "metrics.innovationMetrics.newIdeasSubmitted", "metrics.innovationMetrics.ideasImplemented",
        "metrics.innovationMetrics.innovationProjects", "culturalIndicators.managerSupport", "culturalIndicators.recognitionPrograms",
        StreakActivity,
    ];

    /// <summary>One fixed sentence per component, used for the two weakest.</summary>
    private static readonly Dictionary<string, string> Advice = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [VoluntaryParticipation] = "Encourage self-directed learning: promote courses employees can choose for themselves alongside assigned training.",
        [VoluntaryCompletion] = "Help employees finish the courses they choose: follow up on stalled voluntary enrolments and make time for them.",
        [KnowledgeSharing] = "Invite employees to create and share learning content with their colleagues.",
        [MentorshipEngagement] = "Grow mentoring: pair more employees with mentors and keep the pairs active.",
        [StreakActivity] = "Build a regular learning habit: short sessions on most days keep learning streaks going.",
    };

    public static LearningCultureResult Compute(LearningCultureInput input, LearningCultureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        var k = input.MinGroupSize;
        var facts = input.Facts;

        // The second k check: the statement already read nobody below k, so a bug there cannot publish a small group.
        if (!facts.Visible || facts.Employees is not { } employees || employees < k)
        {
            return new LearningCultureResult(Suppressed(input.AsOf, k), SuppressionInfo.WholeGroup(k));
        }

        var notAvailable = new List<string>(AlwaysNotAvailable);
        var suppressedFields = new List<string>();
        var contributionsSupplied = input.ProvidesContributions && facts.ContributionsSupplied;
        var mentoringSupplied = input.ProvidesMentoring && facts.MentoringSupplied;

        var components = ComponentsOf(
            employees, facts.Enrolled, facts.EnrolledVoluntary, facts.Completed, facts.CompletedVoluntary, facts.Contributions30,
            contributionsSupplied, facts.MentoredEmployees, mentoringSupplied, settings);
        var (maturity, used) = Maturity(components, settings);
        if (!contributionsSupplied)
        {
            notAvailable.Add(KnowledgeSharingScorePath);
        }

        if (!mentoringSupplied)
        {
            notAvailable.AddRange(MentoringPaths);
        }

        var engagementScore = SubsetMean(facts.EngagementMean, facts.EngagementRated, k, EngagementScorePath, suppressedFields);
        var skillApplication = SkillApplication(facts, k, suppressedFields);
        var learningTime = LearningTime(facts, k, settings, notAvailable, suppressedFields);
        var benchmark = PlatformMean(input.OtherOrganisations, k, settings);
        if (benchmark is null)
        {
            notAvailable.AddRange(BenchmarkPaths);
        }

        var difference = maturity is { } m && benchmark is { } b ? m - b : (double?)null;
        return new LearningCultureResult(
            new LearningCulturePayload
            {
                DefinitionVersion = DefinitionVersion,
                AsOf = input.AsOf,
                DataStatus = used.Count == 0 ? DataStatuses.NoData : used.Count == 5 ? DataStatuses.Ok : DataStatuses.Partial,
                ComponentsUsed = used,
                NotAvailable = notAvailable,
                SuppressedFields = suppressedFields.Count > 0 ? suppressedFields : null,
                OverallCultureScore = maturity is { } score ? Numbers.Round(score / 100, 2) : null,
                CultureGrade = maturity is { } graded ? Labels.LetterGrade(graded / 100) : null,
                Period = Labels.Quarter(input.AsOf),
                Metrics = new CultureMetrics(
                    new CultureLearningEngagement(
                        Round1(engagementScore),
                        Round1(Share(facts.ActiveEmployees, employees)),
                        Round1(components.VoluntaryParticipation),
                        Round1(Share(facts.ForumEmployees, employees))),
                    new CultureKnowledgeSharing(
                        Round1(components.KnowledgeSharing),
                        mentoringSupplied ? facts.MentorshipPairs : null,
                        mentoringSupplied ? facts.ActiveMentors : null,
                        facts.HelpRequests),
                    new CultureInnovationMetrics(null, null, null, null),
                    new CultureContinuousImprovement(
                        Round1(ContinuousImprovement(Share(facts.Completed90WithFeedback, facts.Completed90), skillApplication)),
                        facts.FeedbackLoops,
                        Labels.ChangeString(facts.Completed90, facts.CompletedPrevious90),
                        Round1(skillApplication))),
                CulturalIndicators = new CulturalIndicators(null, Round1(learningTime), null, facts.CareerSkills),
                Benchmarks = new CultureBenchmarks(
                    Round1(benchmark),
                    difference is { } d ? SignedPoints(d) : null,
                    difference is { } s ? Standing(s) : null,
                    BenchmarkScope),
                Recommendations = Recommendations(components),
            },
            null);
    }

    /// <summary>The §0.5 whole-response shape: every aggregate null, lists empty, `suppressed` and `message`.</summary>
    public static LearningCulturePayload Suppressed(DateOnly asOf, int minGroupSize) => new()
    {
        DefinitionVersion = DefinitionVersion,
        AsOf = asOf,
        DataStatus = DataStatuses.Ok,
        NotAvailable = AlwaysNotAvailable,
        Suppressed = true,
        Message = SuppressionInfo.MessageFor(minGroupSize),
        Period = Labels.Quarter(asOf),
        Metrics = new CultureMetrics(
            new CultureLearningEngagement(null, null, null, null),
            new CultureKnowledgeSharing(null, null, null, null),
            new CultureInnovationMetrics(null, null, null, null),
            new CultureContinuousImprovement(null, null, null, null)),
        CulturalIndicators = new CulturalIndicators(null, null, null, null),
        Benchmarks = new CultureBenchmarks(null, null, null, BenchmarkScope),
        Recommendations = [],
    };

    /// <summary>
    /// VP and VC = voluntary share of the enrolments / completions of the last 365 days; KSIn = min(100, 100·KSI/KsiTarget) with
    /// KSI = contributions of the last 30 days per 100 employees; ME = employees in an active mentoring link / employees.
    /// A kind the organisation's sources do not supply (no row in 90 days) is no data, not 0 (§0.4).
    /// </summary>
    public static CultureComponents ComponentsOf(
        int employees, int enrolled, int enrolledVoluntary, int completed, int completedVoluntary, int contributions30,
        bool contributionsSupplied, int mentoredEmployees, bool mentoringSupplied, LearningCultureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double? knowledgeSharing = null;
        if (contributionsSupplied && employees > 0 && settings.KsiTarget > 0)
        {
            var ksi = 100.0 * contributions30 / employees;
            knowledgeSharing = Math.Min(100, 100 * ksi / settings.KsiTarget);
        }

        return new CultureComponents(
            Share(enrolledVoluntary, enrolled),
            Share(completedVoluntary, completed),
            knowledgeSharing,
            mentoringSupplied ? Share(mentoredEmployees, employees) : null,
            StreakActivity: null);
    }

    /// <summary>The weighted mean of the components with data and weight &gt; 0 (renormalised), and their names in weight order.</summary>
    public static (double? Maturity, IReadOnlyList<string> ComponentsUsed) Maturity(CultureComponents components, LearningCultureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(settings);
        var used = Parts(components, settings).Where(p => p.Value is not null && p.Weight > 0).ToArray();
        if (used.Length == 0)
        {
            return (null, []);
        }

        var maturity = used.Sum(p => p.Weight * Math.Clamp(p.Value!.Value, 0, 100)) / used.Sum(p => p.Weight);
        return (Math.Clamp(maturity, 0, 100), used.Select(p => p.Name).ToArray());
    }

    /// <summary>
    /// The platform proxy of `benchmarks.industryAverage`: the mean maturity (0–100) of the other organisations with at least
    /// k learners and a maturity, when there are at least k of them; else null. The subject's weights are applied to every
    /// organisation so the comparison is like for like.
    /// </summary>
    public static double? PlatformMean(IReadOnlyList<LearningCultureOrganisation> others, int minGroupSize, LearningCultureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(others);
        var maturities = others
            .Where(o => o.Employees >= Math.Max(minGroupSize, o.MinGroupSize))
            .Select(o => Maturity(
                ComponentsOf(o.Employees, o.Enrolled, o.EnrolledVoluntary, o.Completed, o.CompletedVoluntary, o.Contributions30,
                    o.ContributionsSupplied, o.MentoredEmployees, o.MentoringSupplied, settings),
                settings).Maturity)
            .OfType<double>()
            .ToArray();
        return maturities.Length >= minGroupSize && maturities.Length > 0 ? maturities.Average() : null;
    }

    /// <summary>One fixed sentence for each of the two weakest components with data (ties in the formula's order).</summary>
    public static IReadOnlyList<string> Recommendations(CultureComponents components)
    {
        ArgumentNullException.ThrowIfNull(components);
        return Parts(components, new LearningCultureSettings())
            .Select((p, index) => (p.Name, p.Value, index))
            .Where(p => p.Value is not null)
            .OrderBy(p => Numbers.Exact(p.Value!.Value))
            .ThenBy(p => p.index)
            .Take(2)
            .Select(p => Advice[p.Name])
            .ToArray();
    }

    /// <summary>The signed point difference of `vsIndustry`, 1 dp: `+3.2`, `-1.5`, `0.0`.</summary>
    public static string SignedPoints(double difference)
    {
        var rounded = Numbers.Round(difference, 1);
        return rounded.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
    }

    /// <summary>standing: more than 5 points above "Above Average", more than 5 below "Below Average", else "Average".</summary>
    public static string Standing(double difference) => Numbers.Exact(difference) switch
    {
        > 5 => "Above Average",
        < -5 => "Below Average",
        _ => "Average",
    };

    private static (string Name, double? Value, double Weight)[] Parts(CultureComponents c, LearningCultureSettings settings) =>
    [
        (VoluntaryParticipation, c.VoluntaryParticipation, settings.VoluntaryParticipationWeight),
        (VoluntaryCompletion, c.VoluntaryCompletion, settings.VoluntaryCompletionWeight),
        (KnowledgeSharing, c.KnowledgeSharing, settings.KnowledgeSharingWeight),
        (MentorshipEngagement, c.MentorshipEngagement, settings.MentorshipEngagementWeight),
        (StreakActivity, c.StreakActivity, settings.StreakActivityWeight),
    ];

    /// <summary>A mean over a subset of the members: null without values, withheld (suppressedFields) below k people.</summary>
    private static double? SubsetMean(double? mean, int people, int minGroupSize, string path, List<string> suppressedFields)
    {
        if (people == 0 || mean is null)
        {
            return null;
        }

        if (people < minGroupSize)
        {
            suppressedFields.Add(path);
            return null;
        }

        return Math.Clamp(mean.Value, 0, 100);
    }

    /// <summary>
    /// Proxy: the share of skills acquired in the last 365 days that a passed practice for the skill followed (on or after the
    /// acquisition day); withheld below k acquiring people.
    /// </summary>
    private static double? SkillApplication(LearningCultureFacts facts, int minGroupSize, List<string> suppressedFields)
    {
        if (facts.SkillsAcquired == 0)
        {
            return null;
        }

        if (facts.SkillAcquirers < minGroupSize)
        {
            suppressedFields.Add(SkillApplicationPath);
            return null;
        }

        return Share(facts.SkillsApplied, facts.SkillsAcquired);
    }

    /// <summary>
    /// Proxy: 100·min(1, median weekly minutes of the employees active in the last 30 days / TargetWeeklyMinutes); null (not
    /// available) when no minutes are recorded, withheld below k active employees.
    /// </summary>
    private static double? LearningTime(
        LearningCultureFacts facts, int minGroupSize, LearningCultureSettings settings, List<string> notAvailable, List<string> suppressedFields)
    {
        if (facts.EmployeesWithMinutes == 0 || settings.TargetWeeklyMinutes <= 0)
        {
            notAvailable.Add(LearningTimePath);
            return null;
        }

        if (facts.ActiveEmployees < minGroupSize || facts.MedianWeeklyMinutes is null)
        {
            suppressedFields.Add(LearningTimePath);
            return null;
        }

        return 100 * Math.Min(1, facts.MedianWeeklyMinutes.Value / settings.TargetWeeklyMinutes);
    }

    /// <summary>0.5·(completed enrolments of 90 days that left feedback, %) + 0.5·skillApplication, renormalised over the parts with data.</summary>
    private static double? ContinuousImprovement(double? feedbackShare, double? skillApplication) =>
        (feedbackShare, skillApplication) switch
        {
            ({ } f, { } s) => (0.5 * f) + (0.5 * s),
            ({ } f, null) => f,
            (null, { } s) => s,
            _ => null,
        };

    private static double? Share(int part, int whole) => whole > 0 ? 100.0 * part / whole : null;

    private static double? Round1(double? value) => value is { } v ? Numbers.Round(v, 1) : null;
}
