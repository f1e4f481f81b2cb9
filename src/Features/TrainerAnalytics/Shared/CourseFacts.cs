using System.Diagnostics;
using Analytics.Api.Shared.Analytics;
using Analytics.Api.Shared.Freshness;
using Npgsql;

namespace Analytics.Api.Features.TrainerAnalytics.Shared;

/// <summary>
/// Course health's inputs per course, shared by every trainer of the course and by course health and course performance: read
/// from the courses' internal snapshots (<see cref="CourseFactsPayload"/>) where their inputs are unchanged, else computed for
/// the missing courses in one concurrent read (<see cref="CourseHealthReader"/>) and stored. A course is computed once per
/// asOf and data version (the nightly run or the first read), not once per trainer and analytic.
/// </summary>
public sealed class CourseFacts(NpgsqlDataSource dataSource, SnapshotStore snapshots, TimeProvider timeProvider)
{
    /// <summary>Course performance compares health with this many days earlier; the facts hold both days.</summary>
    public const int TrendDays = 30;

    public async Task<CourseHealthData> ReadAsync(
        IReadOnlyList<string> courseIds,
        SubjectContext subject,
        CourseHealthSettings settings,
        CohortSettings cohort,
        CancellationToken cancellationToken)
    {
        if (courseIds.Count == 0)
        {
            return new CourseHealthData([], [], []);
        }

        var earlierAsOf = subject.AsOf.AddDays(-TrendDays);
        var inputsHash = snapshots.InputsHash(CourseFactsPayload.Version, subject.AsOf, subject.Source, subject.DataAsOf);
        var stored = await snapshots.ReadCurrentAsync<CourseFactsPayload>(
            "course", RoleFamilies.Trainer, CourseFactsPayload.Analytic, courseIds, inputsHash, cancellationToken);
        // Facts computed on another calendar (a trainer in another zone) or for another comparison day are computed again.
        var kept = stored.Values.Where(f => f.Zone == subject.TimeZone && f.EarlierAsOf == earlierAsOf).ToList();
        var keptIds = kept.Select(f => f.CourseId).ToHashSet(StringComparer.Ordinal);
        var missing = courseIds.Where(id => !keptIds.Contains(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var computed = await CourseHealthReader.ReadAsync(dataSource, missing, subject, earlierAsOf, settings, cohort, cancellationToken);
            var fresh = missing.Select(id => new CourseFactsPayload
            {
                DefinitionVersion = CourseFactsPayload.Version,
                AsOf = subject.AsOf,
                CourseId = id,
                Source = subject.Source,
                Zone = subject.TimeZone,
                EarlierAsOf = earlierAsOf,
                Outcomes = computed.Outcomes.Where(o => o.CourseId == id).ToArray(),
                Signals = computed.Signals.Where(s => s.CourseId == id).ToArray(),
                Topics = computed.TopicsOf(id),
            }).ToArray();
            var computeMs = (int)(Stopwatch.GetElapsedTime(started).TotalMilliseconds / missing.Length);
            var now = timeProvider.GetUtcNow();
            await snapshots.WriteAsync(
                fresh.Select(f => new SnapshotWrite(
                    new SnapshotKey("course", f.CourseId, RoleFamilies.Trainer, CourseFactsPayload.Analytic),
                    new AnalyticResult<CourseFactsPayload>(
                        CourseFactsPayload.Analytic, f, new AnalyticSubject("course", f.CourseId), now, subject.DataAsOf, subject.Source),
                    computeMs,
                    null)).ToArray(),
                cancellationToken);
            kept.AddRange(fresh);
        }

        return new CourseHealthData(
            kept.SelectMany(f => f.Outcomes).ToArray(),
            kept.SelectMany(f => f.Signals).ToArray(),
            kept.SelectMany(f => f.Topics).ToArray());
    }
}
