using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Features.Sources.UpstreamStub;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Api.Shared.Sources.Upstream.Contracts;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Analytics.Tests.Features.Sources.UpstreamStub;

/// <summary>
/// The upstream stub (issue #7 point 5) over the shared test store (the tiny demo preset): its listings against the store field by
/// field, keyset paging, `updatedSince`, the usage/daily window, the 401/404 problems and the contract DTO of every listing.
/// </summary>
[NonParallelizable]
public sealed class UpstreamStubTests
{
    private const string Token = "stub-token";
    private const string Org = "org-123";

    private WebApplication _stub = null!;
    private HttpClient _http = null!;

    public static IEnumerable<TestCaseData> Listings() =>
        UpstreamStubListings.All.Select(l => new TestCaseData(l).SetArgDisplayNames(l.Route));

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _stub = UpstreamStubHost.Create(new UpstreamStubOptions(0, TestHost.ConnectionString, Token));
        await _stub.StartAsync();
        _http = new HttpClient { BaseAddress = UpstreamStubHost.Address(_stub) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _stub.StopAsync();
        await _stub.DisposeAsync();
    }

    [Test]
    public async Task Users_OfOrg123_IncludeLearner123AsJohnLearner()
    {
        var users = await AllAsync($"/directory/api/v1/organizations/{Org}/users", 1000);

        var learner = users.Single(u => (string?)u["id"] == "learner-123");
        Assert.Multiple(() =>
        {
            Assert.That((string?)learner["firstName"], Is.EqualTo("John"));
            Assert.That((string?)learner["lastName"], Is.EqualTo("Learner"));
            Assert.That((string?)learner["email"], Is.EqualTo("learner@test.com"));
            Assert.That((string?)learner["departmentId"], Is.EqualTo("dept-engineering"));
            Assert.That(learner["roles"]!.AsArray().Select(r => (string?)r), Is.EqualTo(new[] { "learner" }));
            Assert.That((bool?)learner["isActive"], Is.True);
            Assert.That(learner["deletedAt"], Is.Null);
        });
    }

    [Test]
    public async Task Users_OfOrg123_MatchTheStoreFieldByField()
    {
        var served = (await AllAsync($"/directory/api/v1/organizations/{Org}/users", 50))
            .Select(u => string.Join('|',
                (string?)u["id"], (string?)u["email"] ?? "-", $"{(string?)u["firstName"]} {(string?)u["lastName"]}".Trim(),
                (string?)u["departmentId"] ?? "-", (string?)u["profile"]!["timezone"] ?? "-", (bool?)u["isActive"],
                ((DateTimeOffset?)u["createdAt"])!.Value.UtcTicks,
                string.Join(',', u["roles"]!.AsArray().Select(r => (string?)r)),
                ((DateTimeOffset?)u["updatedAt"])!.Value.UtcTicks))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var stored = (await StoreAsync<UserRow>(
                """
                SELECT u.id, u.email, u.display_name AS DisplayName, u.department_id AS DepartmentId, u.time_zone AS TimeZone, u.active,
                       u.created_at AS CreatedAt, greatest(u.synced_at, max(r.synced_at)) AS UpdatedAt,
                       coalesce(string_agg(replace(r.role, 'org-admin', 'org_admin'), ',' ORDER BY r.role), '') AS Roles
                FROM lrs.users u
                LEFT JOIN lrs.user_roles r ON r.user_id = u.id
                WHERE u.organisation_id = @Org
                GROUP BY u.id
                """))
            .Select(u => string.Join('|', u.Id, u.Email ?? "-", u.DisplayName, u.DepartmentId ?? "-", u.TimeZone ?? "-", u.Active,
                new DateTimeOffset(u.CreatedAt, TimeSpan.Zero).UtcTicks, u.Roles, new DateTimeOffset(u.UpdatedAt, TimeSpan.Zero).UtcTicks))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.That(stored, Has.Length.GreaterThan(100));
        Assert.That(served, Is.EqualTo(stored));
    }

    [Test]
    public async Task Departments_PagedByTwo_AreEachListedExactlyOnceUnderOneAsOf()
    {
        var pages = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await PageAsync($"/directory/api/v1/organizations/{Org}/departments?limit=2"
                                       + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            pages.Add(page);
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null && pages.Count < 50);

        var ids = pages.SelectMany(p => p["items"]!.AsArray()).Select(i => (string?)i!["id"]).ToArray();
        var stored = await StoreAsync<string>("SELECT id FROM lrs.departments WHERE organisation_id = @Org");
        var keys = pages.SelectMany(p => p["items"]!.AsArray())
            .Select(i => ((DateTimeOffset)i!["updatedAt"]!, (string)i["id"]!)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.Count.EqualTo(7), "the tiny preset's seven departments of org-123");
            Assert.That(ids, Is.EquivalentTo(stored), "every department once");
            Assert.That(pages, Has.Count.EqualTo(4));
            Assert.That(pages.Select(p => p["items"]!.AsArray().Count), Is.All.InRange(1, 2));
            Assert.That(pages.Select(p => (string?)p["asOf"]).Distinct().Count(), Is.EqualTo(1), "asOf is the listing's start on every page");
            Assert.That(pages[^1]["nextCursor"], Is.Null);
            Assert.That(keys, Is.EqualTo(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal)), "ordered by (updatedAt, id)");
        });
    }

    [TestCase("/directory/api/v1/organizations/org-123/users")]
    [TestCase("/content-studio/api/v1/organizations/org-123/usage/daily")]
    [TestCase("/learner-ai/api/v1/organizations/org-123/recommendations")]
    [TestCase("/skills-engine/api/v1/skills")]
    public async Task Listing_UpdatedSinceInTheFuture_ReturnsNoItems(string path)
    {
        var page = await PageAsync($"{path}?updatedSince=2999-01-01T00:00:00Z");

        Assert.Multiple(() =>
        {
            Assert.That(page["items"]!.AsArray(), Is.Empty);
            Assert.That(page["nextCursor"], Is.Null);
            Assert.That((DateTimeOffset?)page["asOf"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Listing_UpdatedSinceBeforeEveryChange_ReturnsEverything()
    {
        var all = await AllAsync($"/directory/api/v1/organizations/{Org}/departments", 1000);
        var since = await AllAsync($"/directory/api/v1/organizations/{Org}/departments?updatedSince=2000-01-01T00:00:00Z", 1000);

        Assert.That(since.Select(i => (string?)i["id"]), Is.EqualTo(all.Select(i => (string?)i["id"])));
    }

    [Test]
    public async Task DailyUsage_WithFromAndTo_ReturnsOnlyThoseDaysWithSecondsFromMinutes()
    {
        var last = await TestStoreScalarAsync<DateTime>(
            "SELECT max(a.day) FROM lrs.activity_days a JOIN lrs.users u ON u.id = a.user_id WHERE u.organisation_id = @Org");
        var from = DateOnly.FromDateTime(last).AddDays(-3);
        var to = from.AddDays(1);
        var stored = (await StoreAsync<string>(
                """
                SELECT concat_ws('|', a.user_id, a.course_id, a.content_item_id, a.day, a.events, a.minutes * 60)
                FROM lrs.activity_days a
                JOIN lrs.users u ON u.id = a.user_id
                WHERE u.organisation_id = @Org AND a.day BETWEEN @From AND @To
                """, new { Org, From = from.ToDateTime(TimeOnly.MinValue), To = to.ToDateTime(TimeOnly.MinValue) }))
            .Order(StringComparer.Ordinal).ToArray();

        var served = await AllAsync(
            $"/content-studio/api/v1/organizations/{Org}/usage/daily?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", 100);

        Assert.That(stored, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(served.Select(i => (string?)i["date"]).Distinct().Order(), Is.EqualTo(new[] { $"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}" }));
            Assert.That(served.Select(i => string.Join('|', (string?)i["userId"], (string?)i["courseId"], (string?)i["contentId"],
                    (string?)i["date"], (int?)i["events"], (int?)i["seconds"])).Order(StringComparer.Ordinal),
                Is.EqualTo(stored));
        });
    }

    [TestCase(null)]
    [TestCase("wrong-token")]
    public async Task Listing_WithAWrongOrMissingToken_Returns401Problem(string? token)
    {
        using var anonymous = new HttpClient { BaseAddress = _http.BaseAddress };
        if (token is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await anonymous.GetAsync(new Uri($"/directory/api/v1/organizations/{Org}/users", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        });
    }

    [TestCase("/directory/api/v1/organizations/org-nowhere/users")]
    [TestCase("/skills-engine/api/v1/skill-mappings?organizationId=org-nowhere")]
    [TestCase("/directory/api/v1/organizations/org-123/no-such-listing")]
    [TestCase("/no-such-service/api/v1/organizations")]
    public async Task Listing_OfAnUnknownOrganisationOrPath_Returns404Problem(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [TestCase("limit=0")]
    [TestCase("limit=1001")]
    [TestCase("cursor=not-a-cursor")]
    [TestCase("updatedSince=yesterday")]
    public async Task Listing_WithABadParameter_Returns400Problem(string query)
    {
        using var response = await _http.GetAsync(new Uri($"/skills-engine/api/v1/skills?{query}", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [TestCaseSource(nameof(Listings))]
    public async Task Listing_SendsItemsWithExactlyTheFieldsOfItsContractDto(UpstreamStubListing listing)
    {
        var path = listing.Route.Replace("{organizationId}", Org, StringComparison.Ordinal)
                   + (listing.OrganisationFilter ? $"?organizationId={Org}&limit=5" : "?limit=5");

        var page = await PageAsync(path);

        var items = page["items"]!.AsArray();
        Assert.That(items, Is.Not.Empty, "the tiny demo store has rows for every listing");
        Assert.Multiple(() =>
        {
            foreach (var item in items)
            {
                AssertShape(item!.AsObject(), listing.ItemType, listing.Route);
                var typed = item.Deserialize(listing.ItemType, UpstreamClient.Json);
                Assert.That(typed, Is.Not.Null);
            }
        });
    }

    [Test]
    public void Options_Parse_ReadsPortConnectionAndToken()
    {
        var options = UpstreamStubOptions.Parse(["upstreams", "--port", "5200", "--connection=Host=x;Database=y", "--token", "t"]);

        Assert.Multiple(() =>
        {
            Assert.That(options, Is.EqualTo(new UpstreamStubOptions(5200, "Host=x;Database=y", "t")));
            Assert.That(UpstreamStubOptions.Parse(["upstreams"]).Port, Is.EqualTo(UpstreamStubOptions.DefaultPort));
            Assert.That(() => UpstreamStubOptions.Parse(["downstreams"]), Throws.ArgumentException);
            Assert.That(() => UpstreamStubOptions.Parse(["upstreams", "--port", "70000"]), Throws.ArgumentException);
            Assert.That(() => UpstreamStubOptions.Parse(["upstreams", "--verbose"]), Throws.ArgumentException);
        });
    }

    /// <summary>The item's fields are the DTO's properties (camelCase), nested contract records and lists of them included.</summary>
    private static void AssertShape(JsonObject item, Type type, string route)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.That(item.Select(p => p.Key).Order(StringComparer.Ordinal),
            Is.EqualTo(properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal)),
            $"{route}: the fields of {type.Name}");
        foreach (var property in properties)
        {
            var value = item[JsonNamingPolicy.CamelCase.ConvertName(property.Name)];
            var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (value is null || element.Namespace != typeof(UserItem).Namespace)
            {
                continue;
            }

            foreach (var nested in value is JsonArray array ? array.Select(n => n!.AsObject()) : [value.AsObject()])
            {
                AssertShape(nested, element, route);
            }
        }
    }

    private async Task<JsonObject> PageAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{path}: {body}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<List<JsonObject>> AllAsync(string path, int limit)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = await PageAsync($"{path}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        return items;
    }

    private static async Task<IReadOnlyList<T>> StoreAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(TestHost.ConnectionString);
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters ?? new { Org })).ToList();
    }

    private static async Task<T> TestStoreScalarAsync<T>(string sql) =>
        (await TestStore.ScalarAsync<T>(sql, new { Org }))!;

    private sealed record UserRow(
        string Id, string? Email, string DisplayName, string? DepartmentId, string? TimeZone, bool Active, DateTime CreatedAt, DateTime UpdatedAt, string Roles);
}
