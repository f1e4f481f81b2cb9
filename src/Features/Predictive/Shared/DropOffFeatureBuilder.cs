using Analytics.Api.Shared.Analytics;

namespace Analytics.Api.Features.Predictive.Shared;

/// <summary>
/// The features of one enrolment at cutoff c (ANALYTICS.md §5.1 table), causal by construction: every row dated on or after c
/// is ignored, except the assessment calendar, which is known in advance (`dueNext14`). The same code serves training,
/// evaluation and scoring, so a model sees at serving time exactly what it was trained on.
/// </summary>
public static class DropOffFeatureBuilder
{
    public static float[] Build(DropOffHistory history, DateOnly cutoff)
    {
        var e = history.Enrolment;
        var s = e.Start;
        var from = s.AddDays(-30);
        var values = new float[DropOffFeatures.Count];

        values[0] = Math.Clamp((cutoff.DayNumber - s.DayNumber) / 7, 0, 52);

        var clicksByWeek = new double[4];
        double total = 0, preStart = 0;
        var activeDays = new HashSet<int>();
        var items = new HashSet<int>();
        foreach (var a in history.Activity)
        {
            if (a.Day >= cutoff)
            {
                break;
            }

            if (a.Day < from)
            {
                continue;
            }

            total += a.Events;
            if (a.Day < s)
            {
                preStart += a.Events;
            }

            var daysBack = cutoff.DayNumber - a.Day.DayNumber;   // 1 = the day before c
            if (daysBack <= 28)
            {
                clicksByWeek[(daysBack - 1) / 7] += a.Events;
            }

            activeDays.Add(a.Day.DayNumber);
            if (a.Item >= 0)
            {
                items.Add(a.Item);
            }
        }

        var submitted = history.Submissions.Where(x => x.SubmittedOn < cutoff).ToArray();
        foreach (var x in submitted.Where(x => x.SubmittedOn >= from))
        {
            activeDays.Add(x.SubmittedOn.DayNumber);
        }

        for (var k = 0; k < 4; k++)
        {
            values[1 + k] = (float)Math.Log(1 + clicksByWeek[k]);
        }

        values[5] = (float)Math.Log(1 + total);
        values[6] = (float)Math.Log(1 + preStart);
        values[7] = activeDays.Count;
        values[8] = activeDays.Count(d => d >= cutoff.DayNumber - 14);
        values[9] = activeDays.Count == 0 ? cutoff.DayNumber - s.DayNumber + 30 : cutoff.DayNumber - 1 - activeDays.Max();
        values[10] = items.Count;

        var due = history.Assessments.Where(a => a.Kind != "exam" && a.DueOn is { } d && d < cutoff).ToArray();
        var submittedIds = submitted.Select(x => x.AssessmentId).ToHashSet(StringComparer.Ordinal);
        var dueById = history.Assessments.Where(a => a.DueOn is not null).ToDictionary(a => a.Id, a => a.DueOn!.Value, StringComparer.Ordinal);
        values[11] = due.Length;
        values[12] = due.Count(a => !submittedIds.Contains(a.Id));
        values[13] = submitted.Count(x => dueById.TryGetValue(x.AssessmentId, out var d) && x.SubmittedOn > d);
        values[14] = submitted.Length;

        var scored = submitted.Where(x => !x.Banked && x.Score is not null).ToArray();
        values[15] = scored.Length == 0 ? float.NaN : (float)scored.Average(x => x.Score!.Value);
        values[16] = scored.Length == 0 ? 0 : 1;
        var weights = history.Assessments.ToDictionary(a => a.Id, a => a.Weight ?? 0, StringComparer.Ordinal);
        values[17] = (float)scored.Sum(x => x.Score!.Value * weights.GetValueOrDefault(x.AssessmentId) / 100);
        values[18] = history.Assessments.Count(a => a.DueOn is { } d && d >= cutoff && d <= cutoff.AddDays(13));

        values[19] = e.EnrolledOn is { } enrolled ? Math.Clamp(s.DayNumber - enrolled.DayNumber, -30, 365) : float.NaN;
        values[20] = e.EnrolledOn is null ? 0 : 1;
        values[21] = e.PreviousAttempts
                     ?? history.OtherEnrolments.Count(o => string.Equals(o.CourseTitle, e.CourseTitle, StringComparison.Ordinal)
                                                           && o.FinishedOn is { } f && f < s);
        values[22] = e.StudiedCredits ?? history.OtherEnrolments.Count(o => o.Start <= cutoff && o.IsActiveAt(cutoff));

        values[23] = Declined(history.UnitDays, cutoff, DropOffFeatures.DeclineShare) ? 1 : 0;
        values[24] = Progressed(history, cutoff) ? 0 : 1;
        values[25] = e.CourseLengthDays is { } length ? length : float.NaN;
        return values;
    }

    /// <summary>
    /// The rule's velocity decline (ANALYTICS.md §5.1 A, #1 units): p_7 &gt; 0 and (p_7 − v_7)/p_7 &gt; <paramref name="share"/>, on the
    /// units completed in [c−7, c−1] (v_7) and [c−14, c−8] (p_7).
    /// </summary>
    public static bool Declined(IReadOnlyList<DateOnly> unitDays, DateOnly cutoff, double share)
    {
        var last = unitDays.Count(d => d < cutoff && d >= cutoff.AddDays(-7));
        var previous = unitDays.Count(d => d < cutoff.AddDays(-7) && d >= cutoff.AddDays(-14));
        return previous > 0 && Numbers.Exact((previous - last) / (double)previous) > share;
    }

    /// <summary>A progress event in [c−7, c−1] (§0.4): course activity with events, a submission to the course, or a unit completed.</summary>
    public static bool Progressed(DropOffHistory history, DateOnly cutoff)
    {
        var from = cutoff.AddDays(-7);
        return history.Activity.Any(a => a.Day >= from && a.Day < cutoff)
               || history.Submissions.Any(x => x.SubmittedOn >= from && x.SubmittedOn < cutoff)
               || history.UnitDays.Any(d => d >= from && d < cutoff);
    }
}
