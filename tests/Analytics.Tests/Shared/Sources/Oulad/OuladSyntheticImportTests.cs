using Analytics.Api.Shared.Sources.Oulad;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Shared.Sources.Oulad;

/// <summary>
/// A handmade folder of two presentations (and one excluded) whose studentVle is not grouped by presentation and holds duplicates,
/// orphans and excluded rows: the options of SOURCES.md §4.1, the rejects, the unordered fallback and the replace scope of a re-import.
/// </summary>
[NonParallelizable]
public sealed class OuladSyntheticImportTests
{
    private static readonly OuladImportOptions Options = new()
    {
        Exclude = ["CCC-*"],
        TrainerPerModule = true,
        StoreDemographics = false,
    };

    private string _directory = "";
    private string _store = "";
    private string _reimported = "";
    private OuladImportResult _first = null!;
    private OuladImportResult _second = null!;

    [OneTimeSetUp]
    public async Task ImportAsync()
    {
        _directory = Directory.CreateTempSubdirectory("oulad-synthetic-").FullName;
        Write("courses.csv", "code_module,code_presentation,module_presentation_length", "AAA,2013J,268", "AAA,2014B,241", "CCC,2014J,269");
        Write("vle.csv", "id_site,code_module,code_presentation,activity_type,week_from,week_to",
            "1,AAA,2013J,resource,,", "2,AAA,2013J,quiz,2,2", "3,AAA,2014B,forumng,,", "4,CCC,2014J,oucontent,,", "5,ZZZ,2013J,url,,");
        Write("assessments.csv", "code_module,code_presentation,id_assessment,assessment_type,date,weight",
            "AAA,2013J,10,TMA,20,50", "AAA,2013J,11,Exam,,50", "AAA,2014B,20,CMA,30,100", "CCC,2014J,30,TMA,10,100");
        Write("studentInfo.csv",
            "code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,num_of_prev_attempts,studied_credits,disability,final_result",
            "AAA,2013J,100,F,Scotland,A Level or Equivalent,10-20,0-35,0,60,N,Pass",
            "AAA,2014B,100,F,Wales,A Level or Equivalent,10-20,0-35,1,60,N,Fail",
            "AAA,2014B,200,M,Scotland,Lower Than A Level,,35-55,0,120,Y,Withdrawn",
            "CCC,2014J,300,M,Scotland,Lower Than A Level,,35-55,0,120,Y,Pass",
            "AAA,2013J,400,M,Scotland,Lower Than A Level,,35-55,0,120,Y,Pass");
        Write("studentRegistration.csv", "code_module,code_presentation,id_student,date_registration,date_unregistration",
            "AAA,2013J,100,-10,", "AAA,2014B,100,-5,", "AAA,2014B,200,,12", "CCC,2014J,300,-3,");
        Write("studentAssessment.csv", "id_assessment,id_student,date_submitted,is_banked,score",
            "10,100,18,0,80", "20,100,29,1,", "20,200,10,0,55", "30,300,5,0,70", "99,100,5,0,70");
        // Not grouped: AAA 2013J comes back after AAA 2014B started.
        Write("studentVle.csv", "code_module,code_presentation,id_student,id_site,date,sum_click",
            "AAA,2013J,100,1,-3,2", "AAA,2014B,100,3,0,1", "AAA,2013J,100,1,-3,5", "AAA,2013J,100,2,14,1", "CCC,2014J,300,4,1,1",
            "AAA,2014B,200,3,3,4", "AAA,2014B,999,3,3,4", "AAA,2013J,100,3,1,1");
        _store = await OuladTestData.MigratedDatabaseAsync("oulad_synthetic");
        _first = await OuladImporter.RunAsync(_store, Options with { Directory = _directory }, NullLogger.Instance, CancellationToken.None);

        // A second store takes the same import, then a re-import after student 200 left the files.
        _reimported = await OuladTestData.MigratedDatabaseAsync("oulad_synthetic_reimport");
        await OuladImporter.RunAsync(_reimported, Options with { Directory = _directory }, NullLogger.Instance, CancellationToken.None);
        Write("studentInfo.csv",
            "code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,num_of_prev_attempts,studied_credits,disability,final_result",
            "AAA,2013J,100,F,Scotland,A Level or Equivalent,10-20,0-35,0,60,N,Pass",
            "AAA,2014B,100,F,Wales,A Level or Equivalent,10-20,0-35,1,60,N,Fail");
        Write("studentRegistration.csv", "code_module,code_presentation,id_student,date_registration,date_unregistration",
            "AAA,2013J,100,-10,", "AAA,2014B,100,-5,");
        Write("studentAssessment.csv", "id_assessment,id_student,date_submitted,is_banked,score", "10,100,18,0,80", "20,100,29,1,");
        Write("studentVle.csv", "code_module,code_presentation,id_student,id_site,date,sum_click",
            "AAA,2013J,100,1,-3,2", "AAA,2013J,100,1,-3,5", "AAA,2013J,100,2,14,1", "AAA,2014B,100,3,0,1");

        _second = await OuladImporter.RunAsync(_reimported, Options with { Directory = _directory }, NullLogger.Instance, CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Import_CountsReadWrittenRejectedAndSkippedPerFile()
    {
        var files = _first.Files.ToDictionary(f => f.File);

        Assert.Multiple(() =>
        {
            Assert.That(files["studentVle.csv"], Is.EqualTo(new OuladFileResult("studentVle.csv", 8, 4, 2, 1)));
            Assert.That(files["vle.csv"], Is.EqualTo(new OuladFileResult("vle.csv", 5, 3, 1, 1)));
            Assert.That(files["studentInfo.csv"], Is.EqualTo(new OuladFileResult("studentInfo.csv", 5, 3, 1, 1)));
            Assert.That(files["studentAssessment.csv"], Is.EqualTo(new OuladFileResult("studentAssessment.csv", 5, 3, 1, 1)));
            Assert.That(_first.Valid, Is.True, string.Join("; ", _first.Validation.Where(c => !c.Passed)));
            Assert.That(_first.BulkFastPath, Is.True);
        });
    }

    [Test]
    public async Task UngroupedClicks_AreSummedPerLearnerSiteAndDay()
    {
        var rows = await OuladTestData.ColumnAsync<string>(_store,
            "SELECT concat_ws('|', user_id, course_id, content_item_id, day, events, raw_rows, source) FROM lrs.activity_days ORDER BY 1");

        Assert.That(rows, Is.EqualTo(new[]
        {
            "oulad-100|oulad-AAA-2013J|oulad-site-1|2013-09-28|7|2|oulad",
            "oulad-100|oulad-AAA-2013J|oulad-site-2|2013-10-15|1|1|oulad",
            "oulad-100|oulad-AAA-2014B|oulad-site-3|2014-02-01|1|1|oulad",
            "oulad-200|oulad-AAA-2014B|oulad-site-3|2014-02-04|4|1|oulad",
        }));
    }

    [Test]
    public async Task ExcludedPresentations_AreNotImported()
    {
        var courses = await OuladTestData.ColumnAsync<string>(_store, "SELECT id FROM lrs.courses ORDER BY id");
        var analysisDate = await OuladTestData.ScalarAsync<string>(_store, "SELECT settings ->> 'analysisDate' FROM lrs.organisations");

        Assert.Multiple(() =>
        {
            Assert.That(courses, Is.EqualTo(new[] { "oulad-AAA-2013J", "oulad-AAA-2014B" }));
            Assert.That(analysisDate, Is.EqualTo("2014-03-29"), "day 0 of the latest imported presentation (2014B) + 56");
        });
    }

    [Test]
    public async Task DemographicsSkip_KeepsCreditsAndAttemptsButNoProtectedAttributes()
    {
        var rows = await OuladTestData.ColumnAsync<string>(_store, """
            SELECT concat_ws('|', enrolment_id, coalesce(gender, '-'), coalesce(age_band, '-'), coalesce(highest_education, '-'),
                             coalesce(imd_band, '-'), coalesce(disability::text, '-'), coalesce(region, '-'), num_of_prev_attempts, studied_credits)
            FROM lrs.learner_attributes ORDER BY 1
            """);
        var department = await OuladTestData.ScalarAsync<string>(_store, "SELECT department_id FROM lrs.users WHERE id = 'oulad-100'");

        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(new[]
            {
                "oulad-enr-AAA-2013J-100|-|-|-|-|-|-|0|60",
                "oulad-enr-AAA-2014B-100|-|-|-|-|-|-|1|60",
                "oulad-enr-AAA-2014B-200|-|-|-|-|-|-|0|120",
            }));
            Assert.That(department, Is.EqualTo("oulad-region-wales"), "the region of the latest registration");
        });
    }

    [Test]
    public async Task Withdrawal_WithoutRegistrationDate_IsStored()
    {
        var row = await OuladTestData.ScalarAsync<string>(_store, """
            SELECT concat_ws('|', coalesce(enrolled_on::text, '-'), withdrawn_on, coalesce(completed_on::text, '-'), status, final_result)
            FROM lrs.enrolments WHERE id = 'oulad-enr-AAA-2014B-200'
            """);

        Assert.That(row, Is.EqualTo("-|2014-02-13|-|withdrawn|withdrawn"));
    }

    [Test]
    public async Task TrainerPerModule_CreatesTheCourseTeam()
    {
        var trainers = await OuladTestData.ColumnAsync<string>(_store, """
            SELECT concat_ws('|', ct.course_id, u.id, u.display_name, r.role)
            FROM lrs.course_trainers ct JOIN lrs.users u ON u.id = ct.user_id JOIN lrs.user_roles r ON r.user_id = u.id
            ORDER BY 1
            """);

        Assert.That(trainers, Is.EqualTo(new[]
        {
            "oulad-AAA-2013J|oulad-trainer-AAA|Course team AAA|trainer",
            "oulad-AAA-2014B|oulad-trainer-AAA|Course team AAA|trainer",
        }));
    }

    [Test]
    public async Task Rejects_AreRecordedAndTheRunIsPartial()
    {
        var rejects = await OuladTestData.ColumnAsync<string>(_store,
            "SELECT entity || ' ' || (payload ->> 'file') || ':' || (payload ->> 'line') FROM ops.sync_rejects WHERE source = 'oulad' ORDER BY 1");
        var run = await OuladTestData.ScalarAsync<string>(_store,
            "SELECT status || '|' || rows_rejected FROM ops.sync_runs WHERE source = 'oulad' ORDER BY started_at LIMIT 1");

        Assert.Multiple(() =>
        {
            Assert.That(rejects, Is.EqualTo(new[]
            {
                "activity_days studentVle.csv:8", "activity_days studentVle.csv:9", "content_items vle.csv:6",
                "learner_attributes studentInfo.csv:6", "submissions studentAssessment.csv:6",
            }));
            Assert.That(run, Is.EqualTo("partial|5"));
        });
    }

    [Test]
    public async Task Reimport_WhenARegistrationLeftTheFiles_DeletesItsRowsOfThePresentation()
    {
        var tables = _second.Tables.ToDictionary(t => t.Table);
        var left = await OuladTestData.ScalarAsync<string>(_reimported, """
            SELECT concat_ws('|', (SELECT count(*) FROM lrs.enrolments), (SELECT count(*) FROM lrs.learner_attributes),
                             (SELECT count(*) FROM lrs.submissions), (SELECT count(*) FROM lrs.activity_days),
                             (SELECT count(*) FROM lrs.users WHERE id = 'oulad-200'))
            """);
        Assert.Multiple(() =>
        {
            Assert.That(_second.BulkFastPath, Is.False);
            Assert.That(_second.Valid, Is.True, string.Join("; ", _second.Validation.Where(c => !c.Passed)));
            Assert.That(tables["lrs.enrolments"].Deleted, Is.EqualTo(1));
            Assert.That(tables["lrs.submissions"].Deleted, Is.EqualTo(1));
            Assert.That(tables["lrs.activity_days"].Deleted, Is.EqualTo(1));
            Assert.That(tables["lrs.activity_days"].Inserted + tables["lrs.activity_days"].Updated, Is.Zero);
            Assert.That(left, Is.EqualTo("2|2|2|3|1"), "enrolments, attributes, submissions, activity; the user stays in the organisation");
        });
    }

    private void Write(string file, params string[] lines) => File.WriteAllLines(Path.Combine(_directory, file), lines);
}
