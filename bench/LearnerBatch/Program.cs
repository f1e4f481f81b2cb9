using System.Diagnostics;
using System.Globalization;
using Analytics.Api.Shared.Freshness;
using Analytics.Api.Shared.Hosting;
using Npgsql;

// Times ISnapshotAnalytic.ComputeAsync of the learner analytics the way the nightly run calls it: chunks of learner ids
// (several organisations mixed), a few chunks at a time, each chunk in its own scope. Arguments: learners, chunk size,
// concurrent chunks, and optionally a comma-separated list of analytics. The store comes from ConnectionStrings__Analytics.
// Prints one line per analytic: analytic learners errors seconds learners-per-second extrapolated-seconds-for-100000 and the
// CPU seconds of this process (reading rows, running the calculators); the rest of the work is PostgreSQL's.
var learners = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var chunkSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
string[] analytics = args.Length > 3
    ? args[3].Split(',', StringSplitOptions.RemoveEmptyEntries)
    : ["velocity", "skill-gap", "engagement", "mastery", "performance", "content-effectiveness"];

var builder = WebApplication.CreateBuilder([]);
builder.AddAnalytics();
await using var app = builder.Build();
var definitions = app.Services.GetRequiredService<SnapshotAnalytics>();
var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();

// Learners in a fixed pseudo-random order across organisations; the first chunk warms connections and plans, unmeasured.
var ids = new List<string>();
await using (var command = dataSource.CreateCommand(
                 """
                 SELECT u.id::text FROM lrs.users u
                 WHERE EXISTS (SELECT 1 FROM lrs.user_roles r WHERE r.user_id = u.id AND r.role = 'learner')
                 ORDER BY md5(u.id) LIMIT $1
                 """))
{
    command.Parameters.AddWithValue(learners + chunkSize);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        ids.Add(reader.GetString(0));
    }
}

var warmUp = ids.Take(chunkSize).ToArray();
var chunks = ids.Skip(chunkSize).Chunk(chunkSize).ToArray();
var measured = chunks.Sum(c => c.Length);
foreach (var analytic in analytics)
{
    var definition = definitions.Find("learner", analytic) ?? throw new InvalidOperationException($"No snapshot analytic {analytic}.");
    await ComputeAsync(definition, warmUp);

    var errors = 0;
    var cpu = Environment.CpuUsage.TotalTime;
    var started = Stopwatch.GetTimestamp();
    await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (chunk, _) =>
        Interlocked.Add(ref errors, await ComputeAsync(definition, chunk)));
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var rate = measured / seconds;
    var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture, $"{analytic} {measured} {errors} {seconds:F1} {rate:F0} {100_000 / rate:F0} {cpuSeconds:F1}"));
}

async Task<int> ComputeAsync(ISnapshotAnalytic definition, string[] chunk)
{
    await using var scope = app.Services.CreateAsyncScope();
    var computed = await definition.ComputeAsync(scope.ServiceProvider, chunk, CancellationToken.None);
    foreach (var failure in computed.Where(c => c.Error is not null).Take(1))
    {
        Console.Error.WriteLine($"[bench] {definition.Analytic} {failure.SubjectId}: {failure.Error}");
    }

    return computed.Count(c => c.Error is not null);
}
