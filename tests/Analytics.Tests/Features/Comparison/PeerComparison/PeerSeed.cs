using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Comparison.PeerComparison;

/// <summary>Stored learner snapshots for peer-comparison scenarios, so a group's values are stated by the test (ANALYTICS.md §0.7).</summary>
public static class PeerSeed
{
    private static readonly string[] Analytics = ["velocity", "engagement", "mastery", "performance"];

    /// <summary>
    /// Fresh snapshots of the four learner inputs of <paramref name="userId"/>: engagement carries <paramref name="engagement"/>
    /// (score100), the others no value, so the learner's snapshots count as present and are not recomputed.
    /// </summary>
    public static Task LearnerSnapshotsAsync(string userId, string organisationId, int? engagement) =>
        TestStore.ExecuteAsync(
            """
            INSERT INTO analytics.analytics_snapshots
                (subject_type, subject_id, role, analytic, organisation_id, payload, computed_at, data_as_of, source,
                 definition_version, inputs_hash, attempted_at, attempt_status)
            SELECT 'learner', @userId, 'learner', a, @organisationId,
                   CASE WHEN a = 'engagement' THEN jsonb_build_object('overallEngagement', @engagement::integer) ELSE '{}'::jsonb END,
                   now(), now(), 'test', a || '@1.0', sha256(convert_to(a, 'UTF8')), now(), 'computed'
            FROM unnest(@analytics::text[]) AS a
            ON CONFLICT (subject_type, subject_id, role, analytic) DO UPDATE SET payload = excluded.payload, computed_at = excluded.computed_at
            """,
            new { userId, organisationId, engagement, analytics = Analytics });

    /// <summary>A learner of <paramref name="organisationId"/> with stored snapshots (see <see cref="LearnerSnapshotsAsync"/>).</summary>
    public static async Task LearnerAsync(string userId, string organisationId, int? engagement, string? email = null)
    {
        await TestStore.UserAsync(userId, organisationId, email, "learner");
        await LearnerSnapshotsAsync(userId, organisationId, engagement);
    }
}
