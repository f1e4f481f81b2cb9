using System.Net;
using System.Text.Json.Nodes;
using Analytics.Api.Shared.Privacy;
using Analytics.Api.Shared.Sources.Oulad;
using Analytics.Api.Shared.Sources.Upstream;
using Analytics.Tests.Infrastructure;
using Analytics.Tests.Shared.Sources.Oulad;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Analytics.Tests.Features.Privacy;

/// <summary>
/// The tombstone keeps an erased person out of every later load (DATA_MODEL.md §7, §10): an upstream sync that still lists them
/// and their enrolment, and an OULAD import of files that still hold them, store nothing of theirs and reject nothing naming them.
/// </summary>
[NonParallelizable]
public sealed class TombstoneLoaderTests
{
    [Test]
    public async Task UpstreamSync_AfterErasure_DoesNotBringThePersonBack()
    {
        await using var host = await UpstreamTestHost.StartAsync("privacy_tombstone_sync", services: [UpstreamServices.Directory, UpstreamServices.CourseBuilder]);
        await host.ExecuteAsync(
            """
            INSERT INTO lrs.organisations (id, name, time_zone, source) VALUES ('org-tb', 'Tombstones', 'UTC', 'upstream');
            INSERT INTO lrs.courses (id, organisation_id, title, source) VALUES ('c-tb', 'org-tb', 'Course', 'upstream');
            INSERT INTO lrs.users (id, organisation_id, email, display_name, source) VALUES
                ('tb-keep', 'org-tb', 'tb.keep@example.org', 'Keep', 'upstream'), ('tb-gone', 'org-tb', 'tb.gone@example.org', 'Gone', 'upstream');
            """);
        using var client = host.Factory.CreateClient();
        using var erase = await PrivacyCalls.EraseAsync(client, "tb-gone", TestTokens.Mint("tb-operator", ["platform-admin"], "org-tb"), "tb-gone");
        var receipt = await ApiClient.ReadJsonAsync(erase);

        host.Server.Reset();
        host.EmptyEverywhere();
        host.ServeJson(UpstreamServices.Directory, "organizations/org-tb/users", Page(User("tb-keep"), User("tb-gone")));
        host.ServeJson(UpstreamServices.CourseBuilder, "organizations/org-tb/enrollments", Page(Enrolment("e-tb-keep", "tb-keep"), Enrolment("e-tb-gone", "tb-gone")));
        var result = await host.Sync.RunAsync(new SyncRequest(SyncMode.Incremental, OrganisationId: "org-tb"), CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(erase.StatusCode, Is.EqualTo(HttpStatusCode.OK), receipt.ToJsonString());
            Assert.That(receipt["notes"]?.AsArray(), Is.Not.Empty, "upstream mode: the services must erase the person too");
            Assert.That(result.Status, Is.EqualTo("completed"), string.Join("; ", result.Failures));
            Assert.That(await host.ScalarAsync<long>("SELECT count(*) FROM lrs.enrolments WHERE user_id = 'tb-keep'"), Is.EqualTo(1), "the sync ran");
            Assert.That(await host.ScalarAsync<long>("SELECT count(*) FROM lrs.users WHERE id = 'tb-gone'"), Is.Zero);
            Assert.That(await host.ScalarAsync<long>("SELECT count(*) FROM lrs.enrolments WHERE user_id = 'tb-gone'"), Is.Zero);
            Assert.That(await host.ScalarAsync<long>("SELECT count(*) FROM lrs.user_roles WHERE user_id = 'tb-gone'"), Is.Zero);
            Assert.That(await host.ScalarAsync<long>(
                "SELECT count(*) FROM ops.sync_rejects WHERE concat_ws(' ', record_key, reason, payload::text) LIKE '%tb-gone%'"), Is.Zero);
        });
    }

    [Test]
    public async Task OuladImport_AfterErasure_LeavesThePersonOut_AndWithoutTheKeyRefusesToRun()
    {
        var directory = Directory.CreateTempSubdirectory("oulad-tombstone-").FullName;
        try
        {
            Write(directory, "courses.csv", "code_module,code_presentation,module_presentation_length", "AAA,2013J,268");
            Write(directory, "vle.csv", "id_site,code_module,code_presentation,activity_type,week_from,week_to", "1,AAA,2013J,resource,,", "2,AAA,2013J,quiz,2,2");
            Write(directory, "assessments.csv", "code_module,code_presentation,id_assessment,assessment_type,date,weight", "AAA,2013J,10,TMA,20,100");
            Write(directory, "studentInfo.csv",
                "code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,num_of_prev_attempts,studied_credits,disability,final_result",
                "AAA,2013J,100,F,Scotland,A Level or Equivalent,10-20,0-35,0,60,N,Pass",
                "AAA,2013J,200,M,Wales,Lower Than A Level,,35-55,0,120,Y,Fail");
            Write(directory, "studentRegistration.csv", "code_module,code_presentation,id_student,date_registration,date_unregistration",
                "AAA,2013J,100,-10,", "AAA,2013J,200,-5,");
            Write(directory, "studentAssessment.csv", "id_assessment,id_student,date_submitted,is_banked,score", "10,100,18,0,80", "10,200,19,0,40");
            Write(directory, "studentVle.csv", "code_module,code_presentation,id_student,id_site,date,sum_click",
                "AAA,2013J,100,1,-3,2", "AAA,2013J,200,1,-3,5", "AAA,2013J,200,2,14,1");
            var store = await OuladTestData.MigratedDatabaseAsync("privacy_tombstone_oulad");
            var tombstones = new ErasureTombstones(new SubjectHasher(SubjectHashKeys.ResolveOptional(AnalyticsApiFactory.SubjectHashKey)!));
            await using (var connection = new NpgsqlConnection(store))
            {
                await connection.OpenAsync();
                await Dapper.SqlMapper.ExecuteAsync(connection,
                    "INSERT INTO ops.erasure_tombstones (subject_hash, erased_at, request_id) VALUES (@hash, now(), gen_random_uuid())",
                    new { hash = tombstones.Hasher.Hash("oulad-200") });
            }

            var withoutKey = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                OuladImporter.RunAsync(store, new OuladImportOptions { Directory = directory }, NullLogger.Instance, CancellationToken.None));
            var result = await OuladImporter.RunAsync(store, new OuladImportOptions { Directory = directory, Tombstones = tombstones },
                NullLogger.Instance, CancellationToken.None);
            await using var check = new NpgsqlConnection(store);
            await check.OpenAsync();
            var left = await Dapper.SqlMapper.ExecuteScalarAsync<long>(check,
                """
                SELECT (SELECT count(*) FROM lrs.users WHERE id = 'oulad-200') + (SELECT count(*) FROM lrs.enrolments WHERE user_id = 'oulad-200')
                     + (SELECT count(*) FROM lrs.submissions WHERE user_id = 'oulad-200') + (SELECT count(*) FROM lrs.activity_days WHERE user_id = 'oulad-200')
                     + (SELECT count(*) FROM lrs.learner_attributes WHERE user_id = 'oulad-200')
                """);
            var kept = await Dapper.SqlMapper.ExecuteScalarAsync<long>(check, "SELECT count(*) FROM lrs.enrolments WHERE user_id = 'oulad-100'");

            Assert.Multiple(() =>
            {
                Assert.That(withoutKey!.Message, Does.Contain("Privacy:SubjectHashKey"));
                Assert.That(result.ExitCode, Is.Zero, "the figures are checked without the erased person too");
                Assert.That(left, Is.Zero);
                Assert.That(kept, Is.EqualTo(1));
                Assert.That(result.Files.Single(f => f.File == "studentVle.csv").RowsSkipped, Is.EqualTo(2));
                Assert.That(result.Files.Sum(f => f.RowsRejected), Is.Zero, "an erased person is skipped, never rejected by name");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Write(string directory, string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(directory, file), string.Join('\n', lines) + "\n");

    private static JsonObject Page(params JsonObject[] items) => new()
    {
        ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
        ["nextCursor"] = null,
        ["asOf"] = "2025-10-27T02:00:00Z",
    };

    private static JsonObject User(string id) => new()
    {
        ["id"] = id,
        ["email"] = $"{id.Replace('-', '.')}@example.org",
        ["firstName"] = id,
        ["lastName"] = "Person",
        ["departmentId"] = null,
        ["roles"] = new JsonArray("learner"),
        ["isActive"] = true,
        ["createdAt"] = "2025-01-10T09:00:00Z",
        ["updatedAt"] = "2025-10-27T01:00:00Z",
        ["deletedAt"] = null,
    };

    private static JsonObject Enrolment(string id, string userId) => new()
    {
        ["id"] = id,
        ["courseId"] = "c-tb",
        ["userId"] = userId,
        ["enrolledAt"] = "2025-09-02",
        ["enrollmentType"] = "assigned",
        ["status"] = "in_progress",
        ["progress"] = 10,
        ["updatedAt"] = "2025-10-27T01:10:00Z",
        ["deletedAt"] = null,
    };
}
