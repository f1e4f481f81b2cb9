using System.Collections.Concurrent;
using Analytics.Api.Shared.Scheduling;
using Analytics.Tests.Infrastructure;
using Quartz;

namespace Analytics.Tests.Shared.Scheduling;

/// <summary>
/// The clustered store as the service configures it (<see cref="SchedulingSetup.UseClusteredStore"/>), with two schedulers of one
/// cluster on the test database, as two instances of the service would be: a trigger fires on exactly one of them, and a daily
/// trigger missed while every node was down fires once when a node starts. A cluster name of its own keeps the test host's
/// scheduler out of it.
/// </summary>
[NonParallelizable]
public sealed class ClusteredSchedulerTests
{
    private static readonly JobKey Job = new("counting", "cluster-test");

    [Test]
    public async Task Triggers_OnTwoNodesOfOneCluster_EachExecuteExactlyOnce()
    {
        var cluster = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = Node(cluster, declare: null);
        await using var second = Node(cluster, declare: null);
        var one = await first.GetScheduler();
        var two = await second.GetScheduler();
        await one.Start();
        await two.Start();
        await one.AddJob(JobBuilder.Create<CountingJob>().WithIdentity(Job).StoreDurably().Build(), new AddJobOptions { Replace = true });
        var fireAt = DateTimeOffset.UtcNow.AddSeconds(1);
        for (var i = 0; i < 6; i++)
        {
            var trigger = TriggerBuilder.Create().ForJob(Job).WithIdentity($"{cluster}-{i}", "cluster-test").StartAt(fireAt).Build();
            await (i % 2 == 0 ? one : two).ScheduleJob(trigger);
        }

        await WaitForAsync(() => CountingJob.Fired(cluster).Count >= 6, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var fired = CountingJob.Fired(cluster);
        Assert.Multiple(() =>
        {
            Assert.That(fired, Has.Count.EqualTo(6), "six firings, none twice");
            Assert.That(fired.Select(f => f.Trigger).Distinct().Count(), Is.EqualTo(6));
        });
    }

    [Test]
    public async Task DailyTrigger_MissedWhileEveryNodeWasDown_FiresOnceWhenANodeStarts()
    {
        var cluster = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var due = DateTimeOffset.UtcNow.AddSeconds(3);
        var cron = $"{due.Second} {due.Minute} * * * ?";
        void Declare(IQuartzBuilder quartz)
        {
            quartz.AddJob<CountingJob>(job => job.WithIdentity(Job).StoreDurably().RequestRecovery());
            SchedulingSetup.AddCronTrigger(quartz, Job, new TriggerKey(cluster + "-daily", "cluster-test"), cron);
        }

        // The only node starts, declares the trigger and goes away before it is due.
        await using (var before = Node(cluster, Declare))
        {
            var scheduler = await before.GetScheduler();
            await scheduler.Start();
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1.5));
        Assert.That(CountingJob.Fired(cluster), Is.Empty, "nothing ran while the cluster was down");

        // A node comes back and declares the trigger again, as every instance does on start.
        await using var after = Node(cluster, Declare);
        var restarted = await after.GetScheduler();
        await restarted.Start();
        await WaitForAsync(() => CountingJob.Fired(cluster).Count >= 1, TimeSpan.FromSeconds(15));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var next = (await restarted.GetTrigger(new TriggerKey(cluster + "-daily", "cluster-test")))!.NextFireTimeUtc;

        var fired = CountingJob.Fired(cluster);
        Assert.Multiple(() =>
        {
            Assert.That(fired, Has.Count.EqualTo(1), "the missed firing runs once");
            Assert.That(fired[0].Scheduled, Is.EqualTo(due).Within(TimeSpan.FromSeconds(1)), "it is the firing that was missed");
            Assert.That(next, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(50)), "then the schedule goes on (next hour)");
        });
    }

    /// <summary>A node of <paramref name="cluster"/> with fast check-ins and a 1 s misfire threshold.</summary>
    private static StandaloneSchedulerFactory Node(string cluster, Action<IQuartzBuilder>? declare)
    {
        var settings = new SchedulerSettings(
            new Npgsql.NpgsqlConnectionStringBuilder(TestHost.ConnectionString) { SearchPath = "quartz" }.ConnectionString,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(1));
        return QuartzSchedulerBuilder.Create(quartz =>
        {
            SchedulingSetup.UseClusteredStore(quartz, settings, cluster);
            declare?.Invoke(quartz);
        }).Build();
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!condition() && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Records each firing (cluster, trigger, scheduled time, node) in memory shared by both nodes of the process.</summary>
    public sealed class CountingJob : IJob
    {
        private static readonly ConcurrentQueue<(string Cluster, string Trigger, DateTimeOffset? Scheduled, string Node)> Firings = new();

        public static IReadOnlyList<(string Trigger, DateTimeOffset? Scheduled, string Node)> Fired(string cluster) =>
            Firings.Where(f => f.Cluster == cluster).Select(f => (f.Trigger, f.Scheduled, f.Node)).ToArray();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
            Firings.Enqueue((context.Scheduler.SchedulerName, context.Trigger.Key.ToString(), context.ScheduledFireTimeUtc,
                await context.Scheduler.GetSchedulerInstanceId(cancellationToken)));
    }
}
