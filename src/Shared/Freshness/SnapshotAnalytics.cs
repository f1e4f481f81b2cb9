namespace Analytics.Api.Shared.Freshness;

/// <summary>Every analytic with a stored default view, by (subject type, analytic id).</summary>
public sealed class SnapshotAnalytics(IEnumerable<ISnapshotAnalytic> analytics)
{
    private readonly IReadOnlyDictionary<(string SubjectType, string Analytic), ISnapshotAnalytic> _byKey =
        analytics.ToDictionary(a => (a.SubjectType, a.Analytic));

    public IReadOnlyCollection<ISnapshotAnalytic> All => (IReadOnlyCollection<ISnapshotAnalytic>)_byKey.Values;

    public ISnapshotAnalytic? Find(string subjectType, string analytic) => _byKey.GetValueOrDefault((subjectType, analytic));

    /// <summary>The analytics stored for a subject type, in nightly order.</summary>
    public IReadOnlyList<ISnapshotAnalytic> ForSubjectType(string subjectType) =>
        _byKey.Values.Where(a => a.SubjectType == subjectType).OrderBy(a => a.Stage).ThenBy(a => a.Analytic, StringComparer.Ordinal).ToArray();
}
