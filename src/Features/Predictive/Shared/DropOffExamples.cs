namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>One (enrolment, cutoff) of a training or evaluation set: its week, causal features and label (1/0, or the score).</summary>
public sealed record DropOffExample(DropOffEnrolment Enrolment, int Week, float[] Features, float Label);

/// <summary>
/// Training and evaluation rows (ANALYTICS.md §5.1 "Training rows"; protocol "OULAD early warning"): for each enrolment with a
/// label under the target, one row per week whose cutoff c = s + 7·week finds it still active (a registration withdrawn on or
/// before c is never scored), with the features of <see cref="DropOffFeatureBuilder"/> at c.
/// </summary>
public static class DropOffExamples
{
    /// <summary>DropOff:TrainingWeeks.</summary>
    public static readonly IReadOnlyList<int> TrainingWeeks = [1, 2, 3, 4, 6, 8, 10, 12, 16, 20];

    /// <summary>Forecast:TrainingWeeks (§5.2).</summary>
    public static readonly IReadOnlyList<int> ForecastTrainingWeeks = [4, 8, 12, 16, 20];

    public static IReadOnlyList<DropOffExample> For(IEnumerable<DropOffHistory> histories, DropOffTarget target, IReadOnlyList<int> weeks)
    {
        var examples = new List<DropOffExample>();
        foreach (var history in histories)
        {
            float? label = target == DropOffTarget.ExamScore
                ? (float?)DropOffTargets.ExamScore(history)
                : DropOffTargets.Label(history.Enrolment, target) switch { true => 1f, false => 0f, null => null };
            if (label is null)
            {
                continue;
            }

            foreach (var week in weeks)
            {
                var cutoff = history.Enrolment.Start.AddDays(7 * week);
                if (history.Enrolment.IsActiveAt(cutoff))
                {
                    examples.Add(new DropOffExample(history.Enrolment, week, DropOffFeatureBuilder.Build(history, cutoff), label.Value));
                }
            }
        }

        return examples;
    }
}
