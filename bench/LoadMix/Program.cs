// Virtual users replaying the web app's dashboard traffic against one instance (bench/mixed-load.sh and the fault runs).
//
// Each virtual user runs sessions one after the other: it takes the next user of a role (learner, trainer or org-admin, by
// weight) from the users file, gets an access token (minted with the signing key like bench/lib/tokens.sh, or, for a share of
// the sessions, a real POST /auth/login of the fixed demo user of that role), calls GET /auth/me as the app does after a login,
// then sends 10–30 requests drawn from its role's weighted mix, each after an optional think time. Every answer is timed from
// sending to the last body byte; the figures are kept per route class and per wall-clock second.
//
// Usage: LoadMix --base URL --users FILE --key BASE64 [--vus 400] [--duration 60] [--warmup 0] [--think-ms 0]
//                [--roles learner=80,trainer=14,org-admin=6] [--login-share 0.02] [--timeout 10] [--out DIR] [--label TEXT]
// The users file holds "role<TAB>userId<TAB>organisationId" lines. Writes DIR/summary.md (the table per class),
// DIR/timeline.tsv (per second) and DIR/result.env (key=value figures for the scripts); prints progress to stderr.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

var options = Options.Parse(args);
var users = File.ReadAllLines(options.UsersFile)
    .Select(line => line.Split('\t'))
    .Where(parts => parts.Length >= 3)
    .Select(parts => new User(parts[0], parts[1], parts[2]))
    .GroupBy(user => user.Role)
    .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
var roles = options.RoleWeights.Where(weight => users.ContainsKey(weight.Role)).ToArray();
if (roles.Length == 0)
{
    Console.Error.WriteLine("[loadmix] the users file holds no user of the weighted roles");
    return 1;
}

using var handler = new SocketsHttpHandler
{
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    MaxConnectionsPerServer = options.VirtualUsers + 16,
    ConnectTimeout = TimeSpan.FromSeconds(5),
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
};
using var client = new HttpClient(handler) { BaseAddress = new Uri(options.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
var tokens = new Tokens(Convert.FromBase64String(options.SigningKey));
var next = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
var clock = Stopwatch.StartNew();
var startedUnix = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
var warmupEnds = TimeSpan.FromSeconds(options.WarmupSeconds);
var ends = warmupEnds + TimeSpan.FromSeconds(options.DurationSeconds);
using var stop = new CancellationTokenSource(ends);
var samples = new List<Sample>[options.VirtualUsers];
var completed = 0L;
Console.Error.WriteLine(
    $"[loadmix] {options.Label}: {options.VirtualUsers} virtual users, warm-up {options.WarmupSeconds} s, measured {options.DurationSeconds} s, " +
    $"think {options.ThinkMilliseconds} ms, users {string.Join(", ", users.Select(pair => $"{pair.Key} {pair.Value.Length}"))}");

var progress = Task.Run(async () =>
{
    var last = 0L;
    while (!stop.IsCancellationRequested)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), stop.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }

        var done = Interlocked.Read(ref completed);
        Console.Error.WriteLine($"[loadmix] {clock.Elapsed.TotalSeconds,5:0} s: {(done - last) / 10.0,8:0} req/s");
        last = done;
    }
});

var virtualUsers = Enumerable.Range(0, options.VirtualUsers).Select(index => Task.Run(() => RunVirtualUserAsync(index))).ToArray();
await Task.WhenAll(virtualUsers);
await progress;

Report.Write(options, samples.SelectMany(list => list).ToArray(), startedUnix, warmupEnds, clock.Elapsed);
return 0;

async Task RunVirtualUserAsync(int index)
{
    var mine = samples[index] = new List<Sample>(4096);
    var random = new Random(unchecked(index * 7919 + 17));
    // Spread the first requests over the first second rather than sending them all at once.
    await Delay(TimeSpan.FromMilliseconds(random.Next(1000)));
    while (!stop.IsCancellationRequested)
    {
        var role = Pick(roles, random).Role;
        var pool = users[role];
        var user = pool[(next.AddOrUpdate(role, 0, (_, value) => value + 1) & int.MaxValue) % pool.Length];
        string token;
        if (options.LoginShare > 0 && random.NextDouble() < options.LoginShare && FixedDemo.ByRole.TryGetValue(role, out var demo))
        {
            user = new User(role, demo.Id, "org-123");
            var login = await SendAsync(mine, RouteClass.Login, HttpMethod.Post, "/api/v1/auth/login", null,
                $$"""{"email":"{{demo.Email}}","password":"{{FixedDemo.Password}}"}""", keepBody: true);
            if (login.Body is null)
            {
                continue;
            }

            token = ReadToken(login.Body) ?? tokens.Mint(user);
        }
        else
        {
            token = tokens.Mint(user);
        }

        await SendAsync(mine, RouteClass.Me, HttpMethod.Get, "/api/v1/auth/me", token);
        var length = random.Next(10, 31);
        for (var i = 0; i < length && !stop.IsCancellationRequested; i++)
        {
            if (options.ThinkMilliseconds > 0)
            {
                await Delay(TimeSpan.FromMilliseconds(random.NextDouble() * 2 * options.ThinkMilliseconds));
            }

            var call = Mix.Next(user, random);
            await SendAsync(mine, call.Class, call.Method, call.Path, token, call.Body);
        }
    }
}

async Task<(int Status, byte[]? Body)> SendAsync(
    List<Sample> into, RouteClass routeClass, HttpMethod method, string path, string? token, string? body = null, bool keepBody = false)
{
    if (stop.IsCancellationRequested)
    {
        return (0, null);
    }

    using var request = new HttpRequestMessage(method, path);
    if (token is not null)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    if (body is not null)
    {
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
    }

    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
    timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
    var started = clock.Elapsed;
    int status;
    byte[]? bytes = null;
    var degraded = Degradation.None;
    try
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        status = (int)response.StatusCode;
        degraded = Envelope.DegradationOf(bytes);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        return (0, null); // cut off by the end of the run: not counted
    }
    catch (OperationCanceledException)
    {
        status = Sample.TimedOut;
    }
    catch (HttpRequestException)
    {
        status = Sample.ConnectionFailed;
    }

    var finished = clock.Elapsed;
    Interlocked.Increment(ref completed);
    into.Add(new Sample(finished, (int)(finished - started).TotalMicroseconds, (short)status, routeClass, degraded));
    if (status is >= 500 or < 0)
    {
        // Back off a little after a failure, as the app's retry would, instead of spinning on a refused connection.
        await Delay(TimeSpan.FromMilliseconds(200));
    }

    return (status, keepBody && status == 200 ? bytes : null);
}

async Task Delay(TimeSpan delay)
{
    try
    {
        await Task.Delay(delay, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

static string? ReadToken(byte[] body)
{
    using var document = JsonDocument.Parse(body);
    return document.RootElement.TryGetProperty("token", out var token) ? token.GetString() : null;
}

static RoleWeight Pick(RoleWeight[] weights, Random random)
{
    var total = weights.Sum(weight => weight.Weight);
    var roll = random.NextDouble() * total;
    foreach (var weight in weights)
    {
        roll -= weight.Weight;
        if (roll < 0)
        {
            return weight;
        }
    }

    return weights[^1];
}

internal sealed record User(string Role, string Id, string OrganisationId);

internal sealed record RoleWeight(string Role, double Weight);

internal enum RouteClass : byte
{
    Login,
    Me,
    LearnerOverview,
    LearnerAnalytic,
    TrainerOverview,
    TrainerAnalytic,
    OrgOverview,
    OrgAnalytic,
    Gamification,
    Leaderboard,
    Comparison,
    Predictive,
    AtRisk,
    Reports,
    Refresh,
}

internal enum Degradation : byte
{
    None, // no analytics envelope
    No,
    Yes,
}

internal readonly record struct Sample(TimeSpan Finished, int LatencyMicroseconds, short Status, RouteClass Class, Degradation Degraded)
{
    public const short ConnectionFailed = -1;
    public const short TimedOut = -2;
}

internal static class FixedDemo
{
    public const string Password = "password123";

    public static IReadOnlyDictionary<string, (string Email, string Id)> ByRole { get; } = new Dictionary<string, (string, string)>
    {
        ["learner"] = ("learner@test.com", "learner-123"),
        ["trainer"] = ("trainer@test.com", "trainer-456"),
        ["org-admin"] = ("admin@test.com", "admin-789"),
    };
}

internal static class Envelope
{
    /// <summary>Whether an analytics envelope says `"degraded":true` in its meta (None: no envelope in the body).</summary>
    public static Degradation DegradationOf(ReadOnlySpan<byte> body) =>
        body.IndexOf("\"degraded\":true"u8) >= 0 ? Degradation.Yes
        : body.IndexOf("\"degraded\":false"u8) >= 0 ? Degradation.No
        : Degradation.None;
}

internal sealed record Call(RouteClass Class, HttpMethod Method, string Path, string? Body = null);

/// <summary>What the web app's dashboards call, per role, with weights (the share of a session's requests).</summary>
internal static class Mix
{
    private static readonly string[] LearnerAnalytics = ["velocity", "skill-gap", "engagement", "mastery", "performance", "content-effectiveness"];
    private static readonly string[] GamificationReads = ["stats", "achievements", "streak"];
    private static readonly string[] LearnerPredictive = ["drop-off-risk", "forecast", "recommendations"];
    private static readonly string[] TrainerAnalytics = ["course-performance", "course-health", "student-distribution", "teaching-effectiveness"];
    private static readonly string[] OrgAnalytics = ["learning-velocity", "strategic-alignment", "learning-culture", "org-performance", "department-analytics"];
    private static readonly string[] Leaderboards =
        ["/api/v1/gamification/leaderboard", "/api/v1/gamification/leaderboard?timeframe=week", "/api/v1/gamification/leaderboard?category=streaks"];

    private static readonly (double Weight, Func<User, Random, Call> Make)[] Learner =
    [
        (20, (u, _) => new(RouteClass.LearnerOverview, HttpMethod.Get, $"/api/v1/learner/analytics/overview/{u.Id}")),
        (20, (u, r) => new(RouteClass.LearnerAnalytic, HttpMethod.Get, $"/api/v1/learner/analytics/{One(LearnerAnalytics, r)}/{u.Id}")),
        (12, (u, r) => new(RouteClass.Gamification, HttpMethod.Get, $"/api/v1/gamification/{One(GamificationReads, r)}/{u.Id}")),
        (8, (_, r) => new(RouteClass.Leaderboard, HttpMethod.Get, One(Leaderboards, r))),
        (6, (u, _) => new(RouteClass.Comparison, HttpMethod.Get, $"/api/v1/comparison/peer/{u.Id}")),
        (3, (_, _) => new(RouteClass.Comparison, HttpMethod.Get, "/api/v1/comparison/skill-demand")),
        (10, (u, r) => new(RouteClass.Predictive, HttpMethod.Get, $"/api/v1/predictive/{One(LearnerPredictive, r)}/{u.Id}")),
        (4, (_, _) => new(RouteClass.Reports, HttpMethod.Get, "/api/v1/reports")),
        (5, (_, _) => new(RouteClass.Me, HttpMethod.Get, "/api/v1/auth/me")),
        (1, (u, _) => new(RouteClass.Refresh, HttpMethod.Post, "/api/v1/analytics/refresh", $$"""{"userId":"{{u.Id}}","analytics":"learner"}""")),
    ];

    private static readonly (double Weight, Func<User, Random, Call> Make)[] Trainer =
    [
        (20, (u, _) => new(RouteClass.TrainerOverview, HttpMethod.Get, $"/api/v1/trainer/analytics/overview/{u.Id}")),
        (16, (u, r) => new(RouteClass.TrainerAnalytic, HttpMethod.Get, $"/api/v1/trainer/analytics/{One(TrainerAnalytics, r)}/{u.Id}")),
        (2, (u, _) => new(RouteClass.TrainerAnalytic, HttpMethod.Get, $"/api/v1/analytics/trainer/{u.Id}/teaching-effectiveness")),
        (2, (u, _) => new(RouteClass.TrainerAnalytic, HttpMethod.Get, $"/api/v1/analytics/trainer/{u.Id}/student-distribution/default-course")),
        (10, (u, _) => new(RouteClass.AtRisk, HttpMethod.Get, $"/api/v1/predictive/at-risk/{u.Id}")),
        (5, (u, _) => new(RouteClass.Predictive, HttpMethod.Get, $"/api/v1/predictive/drop-off-risk/{u.Id}")),
        (6, (u, _) => new(RouteClass.Comparison, HttpMethod.Get, $"/api/v1/comparison/peer/{u.Id}")),
        (3, (_, _) => new(RouteClass.Comparison, HttpMethod.Get, "/api/v1/comparison/skill-demand")),
        (6, (_, r) => new(RouteClass.Leaderboard, HttpMethod.Get, One(Leaderboards, r))),
        (4, (_, _) => new(RouteClass.Reports, HttpMethod.Get, "/api/v1/reports")),
        (5, (_, _) => new(RouteClass.Me, HttpMethod.Get, "/api/v1/auth/me")),
        (1, (u, _) => new(RouteClass.Refresh, HttpMethod.Post, "/api/v1/analytics/refresh", $$"""{"userId":"{{u.Id}}","analytics":"trainer"}""")),
    ];

    private static readonly (double Weight, Func<User, Random, Call> Make)[] OrgAdmin =
    [
        (20, (u, _) => new(RouteClass.OrgOverview, HttpMethod.Get, $"/api/v1/org-admin/analytics/overview/{u.OrganisationId}")),
        (20, (u, r) => new(RouteClass.OrgAnalytic, HttpMethod.Get, $"/api/v1/org-admin/analytics/{One(OrgAnalytics, r)}/{u.OrganisationId}")),
        (10, (u, _) => new(RouteClass.AtRisk, HttpMethod.Get, $"/api/v1/predictive/at-risk/{u.OrganisationId}")),
        (4, (u, _) => new(RouteClass.Predictive, HttpMethod.Get, $"/api/v1/predictive/drop-off-risk/{u.OrganisationId}")),
        (6, (u, _) => new(RouteClass.Comparison, HttpMethod.Get, $"/api/v1/comparison/peer/{u.OrganisationId}")),
        (3, (_, _) => new(RouteClass.Comparison, HttpMethod.Get, "/api/v1/comparison/skill-demand?scope=organisation")),
        (6, (_, r) => new(RouteClass.Leaderboard, HttpMethod.Get, One(Leaderboards, r))),
        (4, (_, _) => new(RouteClass.Reports, HttpMethod.Get, "/api/v1/reports")),
        (5, (_, _) => new(RouteClass.Me, HttpMethod.Get, "/api/v1/auth/me")),
        (1, (u, _) => new(RouteClass.Refresh, HttpMethod.Post, "/api/v1/analytics/refresh",
            $$"""{"userId":"{{u.OrganisationId}}","analytics":"org-admin"}""")),
    ];

    public static Call Next(User user, Random random)
    {
        var mix = user.Role switch
        {
            "trainer" => Trainer,
            "org-admin" => OrgAdmin,
            _ => Learner,
        };
        var roll = random.NextDouble() * mix.Sum(entry => entry.Weight);
        foreach (var (weight, make) in mix)
        {
            roll -= weight;
            if (roll < 0)
            {
                return make(user, random);
            }
        }

        return mix[^1].Make(user, random);
    }

    private static string One(string[] values, Random random) => values[random.Next(values.Length)];
}

/// <summary>HS256 access tokens with the claims the service issues (API.md §2.3), like bench/lib/tokens.sh; one per user.</summary>
internal sealed class Tokens(byte[] key)
{
    private readonly ConcurrentDictionary<User, string> minted = new();

    public string Mint(User user) => minted.GetOrAdd(user, Create);

    private string Create(User user)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = user.Id,
            ["roles"] = new[] { user.Role },
            ["org_id"] = user.OrganisationId,
            ["iss"] = "learning-analytics",
            ["aud"] = "learning-analytics-api",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 7200,
            ["jti"] = Guid.NewGuid().ToString(),
            ["sid"] = Guid.NewGuid().ToString(),
        }));
        var signature = Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record Options(
    string BaseUrl,
    string UsersFile,
    string SigningKey,
    int VirtualUsers,
    int DurationSeconds,
    int WarmupSeconds,
    int ThinkMilliseconds,
    RoleWeight[] RoleWeights,
    double LoginShare,
    int TimeoutSeconds,
    string OutputFolder,
    string Label)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
        int Number(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Options(
            Get("base", "http://127.0.0.1:3000"),
            Get("users", "users.tsv"),
            values.TryGetValue("key", out var key) ? key : Environment.GetEnvironmentVariable("SIGNING_KEY") ?? throw new ArgumentException("--key is required"),
            Number("vus", 400),
            Number("duration", 60),
            Number("warmup", 0),
            Number("think-ms", 0),
            [.. Get("roles", "learner=80,trainer=14,org-admin=6").Split(',').Select(part => part.Split('='))
                .Select(pair => new RoleWeight(pair[0], double.Parse(pair[1], CultureInfo.InvariantCulture)))],
            double.Parse(Get("login-share", "0.02"), CultureInfo.InvariantCulture),
            Number("timeout", 10),
            Get("out", "."),
            Get("label", "mixed load"));
    }
}

/// <summary>The run's figures: the table per route class, the per-second timeline and key=value lines for the scripts.</summary>
internal static class Report
{
    private static readonly Dictionary<RouteClass, string> Names = new Dictionary<RouteClass, string>
    {
        [RouteClass.Login] = "POST /auth/login (fixed demo users)",
        [RouteClass.Me] = "GET /auth/me",
        [RouteClass.LearnerOverview] = "learner overview",
        [RouteClass.LearnerAnalytic] = "learner analytic (one of 6)",
        [RouteClass.TrainerOverview] = "trainer overview",
        [RouteClass.TrainerAnalytic] = "trainer analytic (4 + 2 compat paths)",
        [RouteClass.OrgOverview] = "org-admin overview",
        [RouteClass.OrgAnalytic] = "org-admin analytic (one of 5)",
        [RouteClass.Gamification] = "gamification stats/achievements/streak",
        [RouteClass.Leaderboard] = "leaderboard",
        [RouteClass.Comparison] = "peer comparison, skill demand",
        [RouteClass.Predictive] = "drop-off risk, forecast, recommendations",
        [RouteClass.AtRisk] = "at-risk list",
        [RouteClass.Reports] = "GET /reports",
        [RouteClass.Refresh] = "POST /analytics/refresh",
    };

    public static void Write(Options options, Sample[] all, double startedUnix, TimeSpan warmupEnds, TimeSpan elapsed)
    {
        Directory.CreateDirectory(options.OutputFolder);
        var measured = all.Where(sample => sample.Finished >= warmupEnds).ToArray();
        var seconds = Math.Max(0.001, (elapsed - warmupEnds).TotalSeconds);
        var table = new StringBuilder();
        table.AppendLine("| route class | requests | share | req/s | p50 ms | p95 ms | p99 ms | max ms | 5xx / connection / timeout | other non-2xx | degraded answers |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|");
        table.AppendLine(Row("**all**", measured, measured.Length, seconds, bold: true));
        foreach (var group in measured.GroupBy(sample => sample.Class).OrderBy(group => group.Key))
        {
            table.AppendLine(Row(Names[group.Key], [.. group], measured.Length, seconds, bold: false));
        }

        File.WriteAllText(Path.Combine(options.OutputFolder, "summary.md"), table.ToString());

        var timeline = new StringBuilder("unix_second\toffset_s\tphase\trequests\tok_2xx\tstatus_4xx\tstatus_5xx\tfailed\tp50_ms\tp95_ms\tmax_ms\tdegraded\tenvelopes\n");
        foreach (var second in all.GroupBy(sample => (int)sample.Finished.TotalSeconds).OrderBy(group => group.Key))
        {
            var latencies = Sorted(second);
            timeline.Append(CultureInfo.InvariantCulture,
                $"{(long)(startedUnix + second.Key)}\t{second.Key}\t{(second.Key < warmupEnds.TotalSeconds ? "warm-up" : "measured")}\t{second.Count()}\t" +
                $"{second.Count(s => s.Status is >= 200 and < 300)}\t{second.Count(s => s.Status is >= 400 and < 500)}\t" +
                $"{second.Count(s => s.Status >= 500)}\t{second.Count(s => s.Status < 0)}\t" +
                $"{Percentile(latencies, 0.50):0.0}\t{Percentile(latencies, 0.95):0.0}\t{(latencies.Length > 0 ? latencies[^1] : 0):0.0}\t" +
                $"{second.Count(s => s.Degraded == Degradation.Yes)}\t{second.Count(s => s.Degraded != Degradation.None)}\n");
        }

        File.WriteAllText(Path.Combine(options.OutputFolder, "timeline.tsv"), timeline.ToString());

        var sorted = Sorted(measured);
        var errors = measured.Count(IsError);
        var degraded = measured.Count(s => s.Degraded == Degradation.Yes);
        var envelopes = measured.Count(s => s.Degraded != Degradation.None);
        var result = string.Join('\n', new[]
        {
            $"label='{options.Label}'",
            $"vus={options.VirtualUsers}",
            $"think_ms={options.ThinkMilliseconds}",
            $"warmup_s={options.WarmupSeconds}",
            $"duration_s={seconds:0.0}",
            $"requests={measured.Length}",
            $"rps={measured.Length / seconds:0}",
            $"p50_ms={Percentile(sorted, 0.50):0.0}",
            $"p95_ms={Percentile(sorted, 0.95):0.0}",
            $"p99_ms={Percentile(sorted, 0.99):0.0}",
            $"max_ms={(sorted.Length > 0 ? sorted[^1] : 0):0.0}",
            $"errors={errors}",
            $"error_rate_pct={(measured.Length > 0 ? 100.0 * errors / measured.Length : 0):0.00}",
            $"non2xx='{Statuses(measured.Where(s => s.Status is < 200 or >= 300))}'",
            $"degraded={degraded}",
            $"envelopes={envelopes}",
            $"client_cpu_s={Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0}",
        }) + "\n";
        File.WriteAllText(Path.Combine(options.OutputFolder, "result.env"), result);
        Console.Error.Write(table.ToString());
        Console.Error.Write(result);
    }

    /// <summary>5xx answers, refused or broken connections and timeouts: what the user sees as a failure.</summary>
    public static bool IsError(Sample sample) => sample.Status is >= 500 or < 0;

    private static string Row(string name, Sample[] samples, int total, double seconds, bool bold)
    {
        var sorted = Sorted(samples);
        string Cell(double value) => bold ? $"**{value:0.0}**" : $"{value:0.0}";
        var errors = samples.Where(IsError).ToArray();
        var other = samples.Where(s => !IsError(s) && s.Status is < 200 or >= 300).ToArray();
        var envelopes = samples.Count(s => s.Degraded != Degradation.None);
        var degraded = samples.Count(s => s.Degraded == Degradation.Yes);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {samples.Length} | {100.0 * samples.Length / Math.Max(1, total):0.0} % | {(bold ? $"**{samples.Length / seconds:0}**" : $"{samples.Length / seconds:0}")} | " +
            $"{Cell(Percentile(sorted, 0.50))} | {Cell(Percentile(sorted, 0.95))} | {Cell(Percentile(sorted, 0.99))} | {(sorted.Length > 0 ? sorted[^1] : 0):0} | " +
            $"{(errors.Length == 0 ? "0" : $"{errors.Length} ({Statuses(errors)})")} | {(other.Length == 0 ? "0" : $"{other.Length} ({Statuses(other)})")} | " +
            $"{(envelopes == 0 ? "–" : $"{degraded} of {envelopes}")} |");
    }

    private static string Statuses(IEnumerable<Sample> samples) => string.Join(" ", samples
        .GroupBy(s => s.Status)
        .OrderBy(group => group.Key)
        .Select(group => $"{group.Key switch { Sample.ConnectionFailed => "connection", Sample.TimedOut => "timeout", _ => group.Key.ToString(CultureInfo.InvariantCulture) }}×{group.Count()}"));

    private static double[] Sorted(IEnumerable<Sample> samples) =>
        [.. samples.Select(sample => sample.LatencyMicroseconds / 1000.0).Order()];

    /// <summary>Nearest-rank percentile of sorted values (0 when empty).</summary>
    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
