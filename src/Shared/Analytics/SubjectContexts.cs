using Analytics.Api.Shared.Database;

namespace Analytics.Api.Shared.Analytics;

/// <summary>
/// <see cref="SubjectContext"/> for a set of users in one statement (`Subject.Users`): what learner analytics prepend to their
/// own statements, so one round trip serves one learner (a one-element array) or a batch of the nightly run.
/// </summary>
public static class SubjectContexts
{
    /// <summary>The first statement of a read over users; parameters @userIds (text[]) and @now.</summary>
    public static string UsersSql => SqlQueries.Get("Subject.Users");

    /// <summary>Reads the <see cref="UsersSql"/> result set by user id; a user the store does not hold has no entry.</summary>
    public static async Task<IReadOnlyDictionary<string, SubjectContext>> ReadAsync(UserRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return (await rows.PerUserAsync<SubjectContext>()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }
}
