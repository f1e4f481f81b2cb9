namespace Analytics.Api.Shared.Freshness;

/// <summary>The unit of refresh: one live job per (subject type, subject id, role family) (ANALYTICS.md §0.7).</summary>
public sealed record RefreshSubject(string SubjectType, string SubjectId, string Role)
{
    /// <summary>The memory-cache tag of every entry about this subject, filtered views included.</summary>
    public string CacheTag => $"subject:{SubjectType}:{SubjectId}:{Role}";

    /// <summary>`type|id|role`, the NOTIFY payload and the nightly run's keyset position (DATA_MODEL.md §2).</summary>
    public string Token => $"{SubjectType}|{SubjectId}|{Role}";

    public static RefreshSubject? Parse(string token)
    {
        var parts = token.Split('|');
        return parts.Length == 3 ? new RefreshSubject(parts[0], parts[1], parts[2]) : null;
    }
}
