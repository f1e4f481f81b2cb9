using Microsoft.AspNetCore.Routing.Patterns;

namespace Analytics.Tests.Security;

/// <summary>
/// Issue #9 point 3: for every endpoint that takes a subject id, every role against subjects it may and may not read, generated
/// from the route table so a new endpoint is covered (or the test asks for it to be added to the oracle).
/// </summary>
public sealed class AccessMatrixTests
{
    [Test]
    public async Task Matrix_EveryCallerOnEverySubjectRoute_AnswersAsTheAccessMatrixOfApiMdRequires()
    {
        using var client = SecurityHost.Factory.CreateClient();

        var result = await AccessMatrix.RunAsync(SecurityHost.Factory.Services, client, AccessWorld.Current);

        TestContext.Out.WriteLine($"{result.Requests} requests ({string.Join(", ", result.Expected.Select(e => $"{e.Value} {e.Key}"))}) over {result.RoutesCovered.Count} routes:");
        foreach (var route in result.RoutesCovered.Order(StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine("  " + route);
        }

        Assert.Multiple(() =>
        {
            // The set checked is not empty: the groups of API.md §3.3 that exist today are all present.
            Assert.That(result.RoutesCovered, Does.Contain("GET /api/v1/learner/analytics/velocity/{userId}")
                .And.Contain("GET /api/v1/gamification/streak/{userId}")
                .And.Contain("GET /api/v1/trainer/analytics/overview/{trainerId}")
                .And.Contain("GET /api/v1/analytics/trainer/{trainerId}/student-distribution/{courseId}")
                .And.Contain("GET /api/v1/org-admin/analytics/org-performance/{orgId}")
                .And.Contain("GET /api/v1/comparison/peer/{id}")
                .And.Contain("GET /api/v1/predictive/at-risk/{id}")
                .And.Contain("POST " + AccessMatrix.RefreshRoute)
                .And.Contain("POST " + AccessMatrix.GenerateReportRoute));
            Assert.That(result.RoutesCovered, Has.Count.GreaterThanOrEqualTo(30));
            Assert.That(result.Expected.Keys, Is.SupersetOf(new[]
            {
                AccessExpectation.Allowed, AccessExpectation.MissingToken, AccessExpectation.RoleNotPermitted,
                AccessExpectation.AccessDenied, AccessExpectation.SubjectNotFound,
            }));
            Assert.That(result.UnknownRoutes, Is.Empty);
            Assert.That(result.Mismatches, Is.Empty, string.Join(Environment.NewLine, result.Mismatches));
        });
    }

    [Test]
    public void Build_ARouteWithASubjectParameterTheOracleDoesNotKnow_AsksForItToBeAdded()
    {
        var routes = new[]
        {
            ("GET", RoutePatternFactory.Parse("/api/v1/learner/analytics/velocity/{userId}")),
            ("GET", RoutePatternFactory.Parse("/api/v1/learner/badges/{learnerId}")),
            ("POST", RoutePatternFactory.Parse("/api/v1/learner/analytics/velocity/{userId}")),
            ("GET", RoutePatternFactory.Parse("/api/v1/reports/{reportId}")),
        };
        var unknown = new List<string>();
        var covered = new HashSet<string>();

        var cases = AccessMatrix.Build(routes, AccessWorld.Current, (_, _) => true, unknown, covered);

        Assert.Multiple(() =>
        {
            Assert.That(unknown, Does.Contain("add GET /api/v1/learner/badges/{learnerId} to the access oracle (subject parameter learnerId)"));
            Assert.That(unknown, Does.Contain("add POST /api/v1/learner/analytics/velocity/{userId} to the access oracle (subject parameter userId)"));
            // An owned resource is not a subject, and the body-subject routes missing from this table are reported too.
            Assert.That(unknown.Where(u => u.Contains("reportId", StringComparison.Ordinal)), Is.Empty);
            Assert.That(unknown, Does.Contain($"POST {AccessMatrix.RefreshRoute} is in the access matrix's body-subject table but not in the route table"));
            Assert.That(covered, Is.EquivalentTo(new[] { "GET /api/v1/learner/analytics/velocity/{userId}" }));
            Assert.That(cases.Select(c => c.Description), Does.Contain("GET /api/v1/learner/analytics/velocity/{userId} as trainer trainer-456 on learner-123"));
        });
    }

    [Test]
    public void Oracle_ForTheSpecExamples_GivesTheAnswersOfApiMdSection34()
    {
        var world = AccessWorld.Current;
        var learner = AccessWorld.Callers.Single(c => c.Name == "learner learner-123");
        var trainer = AccessWorld.Callers.Single(c => c.Name == "trainer trainer-456");
        var admin = AccessWorld.Callers.Single(c => c.Name == "org-admin admin-789");
        var operatorCaller = AccessWorld.Callers.Single(c => c.Name == "platform-admin operator-000");
        var ghost = AccessWorld.Callers.Single(c => c.Name == "unknown learner atk-ghost-l");

        Assert.Multiple(() =>
        {
            Assert.That(AccessOracle.Expect(EndpointGroup.LearnerAnalytics, learner, AccessWorld.Learner, world), Is.EqualTo(AccessExpectation.Allowed));
            Assert.That(AccessOracle.Expect(EndpointGroup.LearnerAnalytics, learner, AccessWorld.OtherMember, world), Is.EqualTo(AccessExpectation.AccessDenied));
            Assert.That(AccessOracle.Expect(EndpointGroup.LearnerAnalytics, learner, AccessWorld.UnknownUser, world), Is.EqualTo(AccessExpectation.AccessDenied));
            Assert.That(AccessOracle.Expect(EndpointGroup.LearnerAnalytics, ghost, "atk-ghost-l", world), Is.EqualTo(AccessExpectation.SubjectNotFound));
            Assert.That(AccessOracle.Expect(EndpointGroup.LearnerAnalytics, trainer, AccessWorld.Learner, world), Is.EqualTo(AccessExpectation.Allowed));
            Assert.That(AccessOracle.Expect(EndpointGroup.LearnerAnalytics, trainer, AccessWorld.Trainer, world), Is.EqualTo(AccessExpectation.AccessDenied));
            Assert.That(AccessOracle.Expect(EndpointGroup.LearnerAnalytics, admin, AccessWorld.OtherOrganisationLearner, world), Is.EqualTo(AccessExpectation.AccessDenied));
            Assert.That(AccessOracle.Expect(EndpointGroup.OrganisationAnalytics, trainer, AccessWorld.OwnOrganisation, world), Is.EqualTo(AccessExpectation.RoleNotPermitted));
            Assert.That(AccessOracle.Expect(EndpointGroup.PersonOrCohort, admin, AccessWorld.OwnOrganisation, world), Is.EqualTo(AccessExpectation.Allowed));
            Assert.That(AccessOracle.Expect(EndpointGroup.AtRisk, trainer, AccessWorld.Learner, world), Is.EqualTo(AccessExpectation.AccessDenied));
            Assert.That(AccessOracle.Expect(EndpointGroup.PrivacyExportOrErasure, operatorCaller, AccessWorld.UnknownUser, world), Is.EqualTo(AccessExpectation.SubjectNotFound));
            Assert.That(AccessOracle.Expect(EndpointGroup.PrivacyPreferences, operatorCaller, AccessWorld.PlatformAdmin, world), Is.EqualTo(AccessExpectation.RoleNotPermitted));
        });
    }
}
