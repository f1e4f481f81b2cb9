using Analytics.Api.Shared.Auth;

namespace Analytics.Tests.Shared.Auth;

/// <summary>API.md §3.2: what `{id}` means on the person-or-cohort endpoints, by active role.</summary>
public sealed class CohortSubjectsTests
{
    [TestCase("learner", "u-1", "learner")]
    [TestCase("trainer", "u-1", "trainer-cohort")]
    [TestCase("trainer", "u-2", "learner")]
    [TestCase("org-admin", "org-1", "org-cohort")]
    [TestCase("org-admin", "u-2", "learner")]
    [TestCase("learner", "org-1", "learner")]
    [TestCase("trainer", "org-1", "learner")]
    public void Resolve_ByActiveRoleAndId(string activeRole, string id, string expected)
    {
        var caller = new CurrentUser("u-1", null, null, ["learner", "trainer", "org-admin"], "org-1", null, activeRole, null, null, null);

        Assert.That(CohortSubjects.Resolve(caller, id), Is.EqualTo(expected));
    }
}
