using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Security;

/// <summary>
/// The access matrix, generated from the route table of a running host: every route with a subject parameter × every caller
/// of <see cref="AccessWorld"/> (each role, a multi-role user under each active role, callers the store does not hold,
/// anonymous) × the subjects that matter for the route's group, checked against <see cref="AccessOracle"/>. The two routes
/// that carry their subject in the body (`POST /analytics/refresh`, `POST /reports/generate`) come from an explicit table here.
/// </summary>
/// <remarks>
/// Erasure routes never erase one of the matrix's users: an allowed case is sent with a wrong `confirm` and must answer 400
/// VALIDATION_ERROR (the access checks passed), a refused case with the right `confirm` (so validation cannot hide the 403 or
/// 404). Refresh requests are allowed when they answer 202 or 409 REFRESH_IN_PROGRESS (the security host runs no refresh
/// worker, so a subject's second request finds the first queued); an analytics read that answers 503 DATA_UNAVAILABLE also
/// got past the access checks (the handler answered).
/// </remarks>
public static class AccessMatrix
{
    public const string RefreshRoute = "/api/v1/analytics/refresh";
    public const string GenerateReportRoute = "/api/v1/reports/generate";

    private const string Learner = "learner";
    private const string Trainer = "trainer";
    private const string OrgAdmin = "org-admin";
    private const string PlatformAdmin = "platform-admin";

    /// <summary>The routes of a host that have one or more path parameters, as (method, pattern) pairs.</summary>
    public static IReadOnlyList<(string Method, RoutePattern Pattern)> RoutesOf(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, e.RoutePattern)))
            .Where(r => r.Method is not ("HEAD" or "OPTIONS"))
            .ToArray();

    /// <summary>Builds the cases for a route table; routes with a subject parameter the oracle does not know go to <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<MatrixCase> Build(
        IReadOnlyList<(string Method, RoutePattern Pattern)> routes,
        AccessWorld world,
        Func<EndpointGroup, string, bool> include,
        ICollection<string> unknown,
        ISet<string> covered)
    {
        var cases = new List<MatrixCase>();
        foreach (var (method, pattern) in routes)
        {
            var raw = pattern.RawText ?? string.Empty;
            if (!raw.StartsWith("/api/", StringComparison.Ordinal))
            {
                // The OpenAPI document and the reference UI take a document name, not a subject.
                continue;
            }

            var subjectParameters = pattern.Parameters.Select(p => p.Name).Where(n => !AccessOracle.NonSubjectParameters.Contains(n)).ToArray();
            if (subjectParameters.Length == 0)
            {
                continue;
            }

            var group = subjectParameters.Length == 1 ? AccessOracle.GroupOf(method, raw, subjectParameters[0]) : null;
            if (group is null)
            {
                unknown.Add($"add {method} {raw} to the access oracle (subject parameter {string.Join(", ", subjectParameters)})");
                continue;
            }

            covered.Add($"{method} {raw}");
            if (!include(group.Value, $"{method} {raw}"))
            {
                continue;
            }

            foreach (var caller in AccessWorld.Callers)
            {
                foreach (var subject in SubjectsFor(group.Value, caller))
                {
                    var expected = AccessOracle.Expect(group.Value, caller, subject, world);
                    cases.Add(PathCase(method, pattern, subjectParameters[0], group.Value, caller, subject, expected, world));
                }
            }
        }

        AddBodyCases(routes, world, include, unknown, covered, cases);
        return cases;
    }

    /// <summary>Sends every case (four at a time) and lists each answer that differs from the oracle.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(HttpClient client, IReadOnlyList<MatrixCase> cases)
    {
        var mismatches = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (matrixCase, cancellationToken) =>
        {
            using var request = matrixCase.Request();
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var code = ProblemCode(text);
            var actual = Outcome((int)response.StatusCode, code, matrixCase.Group, request.Method);
            if (actual != matrixCase.Expected)
            {
                mismatches.Add($"{matrixCase.Description}: expected {matrixCase.Expected}, got {actual} {Shorten(text)}");
            }
        });
        return mismatches.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Builds and runs the matrix against a host; <paramref name="include"/> limits it to some groups.</summary>
    public static async Task<MatrixResult> RunAsync(
        IServiceProvider services, HttpClient client, AccessWorld world, Func<EndpointGroup, string, bool>? include = null)
    {
        var unknown = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var cases = Build(RoutesOf(services), world, include ?? ((_, _) => true), unknown, covered);
        var mismatches = await RunAsync(client, cases);
        return new MatrixResult(unknown, mismatches, cases.Count, covered, cases.CountBy(c => c.Expected).ToDictionary());
    }

    /// <summary>One path route per group (the first in ordinal order), for runs that only need to show the matrix reacts.</summary>
    public static IReadOnlyDictionary<EndpointGroup, string> Representatives(IReadOnlyList<(string Method, RoutePattern Pattern)> routes) =>
        routes
            .Select(r => (Key: $"{r.Method} {r.Pattern.RawText}", Parameters: r.Pattern.Parameters.Select(p => p.Name).Where(n => !AccessOracle.NonSubjectParameters.Contains(n)).ToArray(), r.Method, Raw: r.Pattern.RawText ?? string.Empty))
            .Where(r => r.Parameters.Length == 1 && r.Raw.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => (r.Key, Group: AccessOracle.GroupOf(r.Method, r.Raw, r.Parameters[0])))
            .Where(r => r.Group is not null)
            .GroupBy(r => r.Group!.Value)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Key).Order(StringComparer.Ordinal).First());

    /// <summary>The subjects worth trying for a caller on a group (its own ids always among them).</summary>
    public static IEnumerable<string> SubjectsFor(EndpointGroup group, AccessCaller caller)
    {
        if (caller.IsAnonymous)
        {
            return group == EndpointGroup.OrganisationAnalytics ? [AccessWorld.OwnOrganisation] : [AccessWorld.Learner];
        }

        var self = caller.UserId!;
        var organisation = caller.OrganisationId!;
        if (caller.IsGhost)
        {
            // Its own unknown ids: 404 wherever they are in scope (API.md §3.4).
            return group switch
            {
                EndpointGroup.OrganisationAnalytics => [organisation],
                EndpointGroup.PersonOrCohort or EndpointGroup.AtRisk => [self, organisation],
                _ => [self],
            };
        }

        IEnumerable<string> subjects = group switch
        {
            // An organisation id where a user id belongs must not be taken for anyone (API.md §3.2).
            EndpointGroup.LearnerAnalytics or EndpointGroup.TrainerAnalytics => AccessWorld.UserSubjects.Append(AccessWorld.OwnOrganisation),
            EndpointGroup.OrganisationAnalytics => AccessWorld.OrganisationSubjects,
            EndpointGroup.PersonOrCohort or EndpointGroup.AtRisk => AccessWorld.UserSubjects.Concat(AccessWorld.OrganisationSubjects),
            // What an organisation id means on the privacy paths is not specified: user ids only.
            _ => AccessWorld.UserSubjects,
        };
        return subjects.Prepend(self).Distinct();
    }

    private static MatrixCase PathCase(
        string method, RoutePattern pattern, string subjectParameter, EndpointGroup group, AccessCaller caller, string subject, AccessExpectation expected, AccessWorld world)
    {
        var path = pattern.Parameters.Aggregate(
            pattern.RawText!,
            (current, parameter) => current.Replace(
                "{" + parameter.Name + "}",
                Uri.EscapeDataString(parameter.Name == subjectParameter ? subject : parameter.Name == "courseId" ? "default-course" : "x"),
                StringComparison.Ordinal));
        var erasure = method == "DELETE";
        if (erasure)
        {
            // Never erase: an allowed case gets a wrong confirm (400 proves the access checks passed), a refused one the right
            // value (a validation error cannot stand in for the refusal).
            path += "?confirm=" + Uri.EscapeDataString(expected == AccessExpectation.Allowed ? "not-" + subject : subject);
        }

        var description = $"{method} {pattern.RawText} as {caller} on {subject}";
        return new MatrixCase(description, group, expected, () =>
        {
            var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (method == "PUT")
            {
                // The subject's current preferences, so an allowed update changes nothing.
                var facts = world.Users.GetValueOrDefault(subject);
                request.Content = JsonContent.Create(new
                {
                    leaderboardPrivacy = facts?.LeaderboardPrivacy ?? "anonymous",
                    predictiveOptOut = facts?.PredictiveOptOut ?? false,
                });
            }

            return Authorise(request, caller);
        });
    }

    private static void AddBodyCases(
        IReadOnlyList<(string Method, RoutePattern Pattern)> routes,
        AccessWorld world,
        Func<EndpointGroup, string, bool> include,
        ICollection<string> unknown,
        ISet<string> covered,
        List<MatrixCase> cases)
    {
        foreach (var route in new[] { RefreshRoute, GenerateReportRoute })
        {
            if (routes.Any(r => r.Method == "POST" && r.Pattern.RawText == route))
            {
                covered.Add("POST " + route);
            }
            else
            {
                unknown.Add($"POST {route} is in the access matrix's body-subject table but not in the route table");
            }
        }

        foreach (var caller in AccessWorld.Callers)
        {
            // Refresh: the family is the body's role, else the active role's; the subject must be readable under the active role
            // in that family's group; a platform-admin may not request one (API.md §3.3, §4.6).
            var families = caller.ActiveRole is Trainer or OrgAdmin ? new string?[] { null, Learner } : [null];
            foreach (var role in families)
            {
                var family = role ?? caller.ActiveRole;
                var group = FamilyGroup(family);
                if (!include(group, "POST " + RefreshRoute))
                {
                    continue;
                }

                foreach (var subject in SubjectsFor(group, caller))
                {
                    var expected = caller.ActiveRole == PlatformAdmin && !caller.IsAnonymous
                        ? AccessExpectation.RoleNotPermitted
                        : AccessOracle.Expect(group, caller, subject, world);
                    object body = role is null ? new { userId = subject } : new { userId = subject, role };
                    cases.Add(BodyCase(RefreshRoute, $"{(role is null ? string.Empty : "role " + role + " ")}on {subject}", group, caller, expected, body));
                }
            }

            // Reports: the type's subject is authorised like a read of it (API.md §3.3, §4.7).
            foreach (var (type, group) in new[] { ("learner", EndpointGroup.LearnerAnalytics), ("trainer", EndpointGroup.TrainerAnalytics), ("organisation", EndpointGroup.OrganisationAnalytics) })
            {
                if (!include(group, "POST " + GenerateReportRoute))
                {
                    continue;
                }

                foreach (var subject in SubjectsFor(group, caller))
                {
                    var expected = AccessOracle.Expect(group, caller, subject, world);
                    cases.Add(BodyCase(GenerateReportRoute, $"type {type} on {subject}", group, caller, expected, new { type, format = "json", userId = subject }));
                }
            }
        }
    }

    private static EndpointGroup FamilyGroup(string family) => family switch
    {
        Trainer => EndpointGroup.TrainerAnalytics,
        OrgAdmin => EndpointGroup.OrganisationAnalytics,
        _ => EndpointGroup.LearnerAnalytics,
    };

    private static MatrixCase BodyCase(string route, string what, EndpointGroup group, AccessCaller caller, AccessExpectation expected, object body) =>
        new($"POST {route} as {caller} {what}", group, expected, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(route, UriKind.Relative)) { Content = JsonContent.Create(body) };
            return Authorise(request, caller);
        });

    private static HttpRequestMessage Authorise(HttpRequestMessage request, AccessCaller caller)
    {
        if (caller.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (caller.ActiveRoleHeader is { } role)
        {
            request.Headers.Add("X-Active-Role", role);
        }

        return request;
    }

    private static AccessExpectation Outcome(int status, string? code, EndpointGroup group, HttpMethod method) => (status, code) switch
    {
        ( >= 200 and < 300, _) => AccessExpectation.Allowed,
        (409, "REFRESH_IN_PROGRESS") => AccessExpectation.Allowed,
        (503, "DATA_UNAVAILABLE") => AccessExpectation.Allowed,
        (400, "VALIDATION_ERROR") when group == EndpointGroup.PrivacyExportOrErasure && method == HttpMethod.Delete => AccessExpectation.Allowed,
        _ => new AccessExpectation(status, code),
    };

    private static string? ProblemCode(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject body && body["code"] is JsonValue value ? value.GetValue<string>() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
