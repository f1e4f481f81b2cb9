using System.Globalization;
using System.Net;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Freshness;

namespace Analytics.Tests.Features.OrganisationAnalytics.Shared;

/// <summary>
/// The member facts the organisation analytics aggregate (analytics.member_facts), end to end through an organisation read of
/// an organisation of its own (asOf 2025-03-14, 10 learners): each member's windows on that person's own calendar, progress
/// units counted once on their first completion, and the set kept while its inputs are unchanged.
/// </summary>
public sealed class MemberFactsTests
{
    private const string Org = "mf-org";
    private const string AdminEmail = "mf.admin@example.test";
    private const string Course = "mf-c";
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private static readonly string[] Learners = Enumerable.Range(1, 10).Select(i => "mf-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        await TestStore.OrganisationAsync(Org, AsOf.AddDays(1));
        await TestStore.UserAsync("mf-admin", Org, AdminEmail, "org-admin");
        foreach (var id in Learners)
        {
            await TestStore.UserAsync(id, Org, null, "learner");
        }

        await TestStore.ExecuteAsync("UPDATE lrs.users SET time_zone = 'Pacific/Auckland' WHERE id = 'mf-3'");
        await TestStore.CourseAsync(Course, Org, 6, new DateOnly(2024, 1, 1), null);
        // mf-1: topics first completed in the year-earlier quarter (t1), before the 12 months (t2), in the previous quarter's
        // first 73 days (t3), after them (t4) and in this quarter (t5; t6 first by a passed practice on 28 February, its
        // completion on 3 March counts no more)
        var completions = new[] { (1, "2024-01-20"), (2, "2024-03-20"), (3, "2024-10-10"), (4, "2024-12-20"), (5, "2025-02-10"), (6, "2025-03-03") };
        foreach (var (topic, day) in completions)
        {
            await TestStore.CompleteTopicAsync("mf-1", Course, topic, DateOnly.Parse(day, CultureInfo.InvariantCulture));
        }

        await TestStore.ExecuteAsync(
            """
            INSERT INTO lrs.practice_sessions (id, user_id, topic_id, started_at, passed, source) VALUES
                ('mf-p1', 'mf-1', 'mf-c-t6', '2025-02-28T09:00:00Z', true, 'test'),
                ('mf-p2', 'mf-1', 'mf-c-t5', '2025-01-05T09:00:00Z', false, 'test');
            -- mf-3 lives in Auckland (UTC+13 in March): 14 March 12:30 UTC is already 15 March there, after asOf, and
            -- 12 February 12:30 UTC is 13 February, the first day of the recent window
            INSERT INTO lrs.topic_completions (user_id, topic_id, completed_at, source) VALUES
                ('mf-3', 'mf-c-t1', '2025-03-14T12:30:00Z', 'test'),
                ('mf-3', 'mf-c-t2', '2025-02-12T12:30:00Z', 'test');
            SELECT ops.ensure_month_partitions('lrs.activity_days', DATE '2024-11-01', DATE '2025-04-01');
            -- mf-2 was active only in the "then" window (the 30 days ending asOf − 90 = 14 December)
            INSERT INTO lrs.activity_days (user_id, course_id, day, events, source) VALUES ('mf-2', 'mf-c', DATE '2024-12-01', 3, 'test');
            """);
    }

    [Test]
    public async Task Read_ComputesEachMembersWindowsOnTheirOwnCalendar_AndCountsEachUnitOnItsFirstCompletion()
    {
        await ReadAsync("learning-velocity");

        var first = await FactsAsync("mf-1");
        var then = await FactsAsync("mf-2");
        var auckland = await FactsAsync("mf-3");
        Assert.Multiple(async () =>
        {
            Assert.That(await TestStore.ScalarAsync<int>("SELECT members FROM analytics.member_fact_sets WHERE organisation_id = 'mf-org'"), Is.EqualTo(10));
            Assert.That(await TestStore.ScalarAsync<DateTime>("SELECT as_of FROM analytics.member_fact_sets WHERE organisation_id = 'mf-org'"),
                Is.EqualTo(AsOf.ToDateTime(TimeOnly.MinValue)));
            Assert.That(first, Is.EqualTo("2|1|1|{0,0,0,0,0,0,1,0,1,0,2,0}|t|f"), "Feb 10 and Feb 28 this quarter; Oct 10; Jan 20 2024");
            Assert.That(then, Is.EqualTo("0|0|0|{0,0,0,0,0,0,0,0,0,0,0,0}|f|t"));
            Assert.That(auckland, Is.EqualTo("1|0|0|{0,0,0,0,0,0,0,0,0,0,1,0}|t|f"), "13 February local; 15 March is after asOf");
        });
    }

    [Test]
    public async Task Read_KeepsTheSetForEveryOrganisationAnalytic_AndComputesItAgainOnlyWhenItsInputsChange()
    {
        await ReadAsync("learning-velocity");
        var computed = await ComputedAtAsync();

        await ReadAsync("learning-culture");
        await ReadAsync("org-performance");
        Assert.That(await ComputedAtAsync(), Is.EqualTo(computed), "same asOf and data: the set is read, not computed");

        // Other inputs (as after a sync, a new definition or other settings): computed again and replaced whole.
        await TestStore.ExecuteAsync("UPDATE analytics.member_fact_sets SET inputs_hash = decode(repeat('00', 32), 'hex') WHERE organisation_id = 'mf-org'");
        await ReadAsync("department-analytics");
        Assert.Multiple(async () =>
        {
            Assert.That(await ComputedAtAsync(), Is.GreaterThan(computed));
            Assert.That(await TestStore.ScalarAsync<long>("SELECT count(*) FROM analytics.member_facts WHERE organisation_id = 'mf-org'"), Is.EqualTo(10));
        });
    }

    private static Task<DateTime> ComputedAtAsync() =>
        TestStore.ScalarAsync<DateTime>("SELECT computed_at FROM analytics.member_fact_sets WHERE organisation_id = 'mf-org'");

    private static Task<string?> FactsAsync(string userId) =>
        TestStore.ScalarAsync<string>(
            """
            SELECT concat_ws('|', units_quarter, units_previous_quarter, units_last_year_quarter, units_by_month, active_recent, active_then)
            FROM analytics.member_facts
            WHERE organisation_id = 'mf-org' AND user_id = @userId
            """,
            new { userId });

    /// <summary>A read of the organisation snapshot's own analytic, with memory and snapshot dropped first, so the handler runs.</summary>
    private static async Task ReadAsync(string analytic)
    {
        await TestStore.ExecuteAsync("DELETE FROM analytics.analytics_snapshots WHERE subject_type = 'organisation' AND subject_id = 'mf-org'");
        await RefreshTestJobs.EvictAsync("organisation", Org, "org-admin");
        var token = await ApiClient.TokenAsync(AdminEmail);
        using var response = await ApiClient.GetAsync($"/api/v1/org-admin/analytics/{analytic}/{Org}", token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
