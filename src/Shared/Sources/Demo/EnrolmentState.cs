namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>The running state of one enrolment while its learner is simulated day by day.</summary>
public sealed class EnrolmentState
{
    public EnrolmentState(EnrolmentPlan plan, CoursePlan course)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(course);
        Plan = plan;
        Course = course;
        SubmitOn = new DateOnly[course.Assessments.Count];
        BestScore = new double[course.Assessments.Count];
        Attempts = new int[course.Assessments.Count];
        Array.Fill(BestScore, -1);
    }

    public EnrolmentPlan Plan { get; }
    public CoursePlan Course { get; }

    /// <summary>The day the learner withdraws, when that happens by asOf and before the course ends.</summary>
    public DateOnly? WithdrawOn { get; set; }

    /// <summary>Faders: the turn day τ₀ from which activity decays and submissions stop.</summary>
    public DateOnly? FadeFrom { get; set; }

    public DateOnly[] SubmitOn { get; }
    public double[] BestScore { get; }
    public int[] Attempts { get; }
    public double CumulativeEvents { get; set; }
    public int TopicsDone { get; set; }
    public int ActiveDays { get; set; }
    public DateOnly? LastTopicDay { get; set; }
    public DateOnly? LastActiveDay { get; set; }

    /// <summary>The last day with learning activity in this enrolment: the course end, the day before withdrawal, or asOf.</summary>
    public DateOnly LastDay(DateOnly asOf)
    {
        var last = Plan.End < asOf ? Plan.End : asOf;
        return WithdrawOn is { } w && w.AddDays(-1) < last ? w.AddDays(-1) : last;
    }

    /// <summary>Course score of ANALYTICS.md §0.4: Σ w·best / Σ w over the assessments with a score (0 when there is none).</summary>
    public double WeightedScore()
    {
        double sum = 0, weights = 0;
        for (var k = 0; k < BestScore.Length; k++)
        {
            if (BestScore[k] < 0)
            {
                continue;
            }

            var w = (double)Course.Assessments[k].Weight;
            w = w <= 0 ? 1 : w;
            sum += w * BestScore[k];
            weights += w;
        }

        return weights > 0 ? sum / weights : 0;
    }

    /// <summary>The mean of the scores so far, or null before the first submission.</summary>
    public double? MeanScoreSoFar()
    {
        double sum = 0;
        var n = 0;
        foreach (var s in BestScore)
        {
            if (s >= 0)
            {
                sum += s;
                n++;
            }
        }

        return n > 0 ? sum / n : null;
    }
}
