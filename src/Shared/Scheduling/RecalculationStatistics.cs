using System.Globalization;
using System.Text;

namespace Analytics.Api.Shared.Scheduling;

/// <summary>
/// What one execution of a recalculation did and where its time went: wall time per pass (subject type), busy time per analytic
/// (summed over the parts computed in parallel), snapshot writes, history. Thread-safe: the parts of a chunk record at once.
/// </summary>
public sealed class RecalculationStatistics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string SubjectType, string Analytic), (long Subjects, TimeSpan Busy)> _analytics = [];
    private readonly Dictionary<string, (long Subjects, TimeSpan Wall)> _passes = new(StringComparer.Ordinal);

    public long SnapshotRows { get; private set; }

    public long Subjects { get; private set; }

    public long FailedSubjects { get; private set; }

    public TimeSpan WriteTime { get; private set; }

    public TimeSpan HistoryTime { get; private set; }

    public int HistoryRows { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public void RecordAnalytic(string subjectType, string analytic, int subjects, TimeSpan busy)
    {
        lock (_gate)
        {
            var current = _analytics.GetValueOrDefault((subjectType, analytic));
            _analytics[(subjectType, analytic)] = (current.Subjects + subjects, current.Busy + busy);
        }
    }

    public void RecordChunk(string subjectType, int subjects, int failedSubjects, int rows, TimeSpan wall, TimeSpan write)
    {
        lock (_gate)
        {
            var current = _passes.GetValueOrDefault(subjectType);
            _passes[subjectType] = (current.Subjects + subjects, current.Wall + wall);
            Subjects += subjects;
            FailedSubjects += failedSubjects;
            SnapshotRows += rows;
            WriteTime += write;
        }
    }

    public void RecordHistory(int rows, TimeSpan elapsed)
    {
        HistoryRows = rows;
        HistoryTime = elapsed;
    }

    public IReadOnlyList<(string SubjectType, long Subjects, TimeSpan Wall)> Passes
    {
        get
        {
            lock (_gate)
            {
                return _passes.Select(p => (p.Key, p.Value.Subjects, p.Value.Wall)).ToArray();
            }
        }
    }

    public IReadOnlyList<(string SubjectType, string Analytic, long Subjects, TimeSpan Busy)> Analytics
    {
        get
        {
            lock (_gate)
            {
                return _analytics.Select(a => (a.Key.SubjectType, a.Key.Analytic, a.Value.Subjects, a.Value.Busy))
                    .OrderBy(a => a.SubjectType, StringComparer.Ordinal).ThenBy(a => a.Analytic, StringComparer.Ordinal).ToArray();
            }
        }
    }

    /// <summary>A plain-text table of the figures (the `recalculate` verb prints it; bench/nightly-recalculation.sh reads it).</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"elapsed {Elapsed.TotalSeconds:F1} s, subjects {Subjects}, failed subjects {FailedSubjects}, snapshot rows {SnapshotRows}");
        foreach (var (subjectType, subjects, wall) in Passes)
        {
            text.AppendLine(culture, $"stage {subjectType,-14} subjects {subjects,9} wall {wall.TotalSeconds,9:F1} s  {Rate(subjects, wall),9:F1} subjects/s");
        }

        foreach (var (subjectType, analytic, subjects, busy) in Analytics)
        {
            text.AppendLine(culture,
                $"analytic {subjectType + "/" + analytic,-36} subjects {subjects,9} busy {busy.TotalSeconds,9:F1} s  {Rate(subjects, busy),9:F1} subjects/s  {(subjects == 0 ? 0 : busy.TotalMilliseconds / subjects),7:F2} ms/subject");
        }

        text.AppendLine(culture, $"writes {SnapshotRows} rows in {WriteTime.TotalSeconds:F1} s; history {HistoryRows} rows in {HistoryTime.TotalSeconds:F1} s");
        return text.ToString();
    }

    private static double Rate(long subjects, TimeSpan time) => time <= TimeSpan.Zero ? 0 : subjects / time.TotalSeconds;
}
