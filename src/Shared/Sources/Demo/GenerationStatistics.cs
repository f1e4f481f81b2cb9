using System.Globalization;
using System.Text.Json;

namespace Analytics.Api.Shared.Sources.Demo;

/// <summary>The run summary of SOURCES.md §2.5 (Σ events, withdrawal rate, mean score), accumulated per worker and combined.</summary>
public sealed class GenerationStatistics
{
    public long Events { get; private set; }
    public long Enrolments { get; private set; }
    public long Withdrawals { get; private set; }
    public long Scores { get; private set; }
    public double ScoreSum { get; private set; }
    public long Rows { get; private set; }

    public double WithdrawalRate => Enrolments > 0 ? (double)Withdrawals / Enrolments : 0;

    public double MeanScore => Scores > 0 ? ScoreSum / Scores : 0;

    public void Add(LearnerRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows.ActivityDays)
        {
            Events += row.Events;
        }

        foreach (var row in rows.Enrolments)
        {
            Enrolments++;
            if (row.Status == "withdrawn")
            {
                Withdrawals++;
            }
        }

        foreach (var row in rows.Submissions)
        {
            Scores++;
            ScoreSum += (double)row.ScorePct;
        }

        Rows += rows.Enrolments.Count + rows.UserSkills.Count + rows.LearningPaths.Count + rows.LearningPathTopics.Count
            + rows.ActivityDays.Count + rows.Sessions.Count + rows.TopicCompletions.Count + rows.Submissions.Count + rows.Feedback.Count
            + rows.PracticeSessions.Count + rows.HelpRequests.Count + rows.MentoringLinks.Count + rows.ContentContributions.Count
            + rows.Recommendations.Count;
    }

    public static GenerationStatistics Combine(IEnumerable<GenerationStatistics?> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var total = new GenerationStatistics();
        foreach (var part in parts)
        {
            if (part is null)
            {
                continue;
            }

            total.Events += part.Events;
            total.Enrolments += part.Enrolments;
            total.Withdrawals += part.Withdrawals;
            total.Scores += part.Scores;
            total.ScoreSum += part.ScoreSum;
            total.Rows += part.Rows;
        }

        return total;
    }

    public string ToJson(DemoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["preset"] = settings.Preset,
            ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["endDate"] = settings.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["events"] = Events,
            ["withdrawalRate"] = Math.Round(WithdrawalRate, 4),
            ["meanScore"] = Math.Round(MeanScore, 2),
        });
    }
}
