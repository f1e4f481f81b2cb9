using Analytics.Api.Shared.Sources.Oulad;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Shared.Sources.Oulad;

/// <summary>A malformed file is rejected with a message naming the file and the line, and a failed import leaves the store as it was.</summary>
[NonParallelizable]
public sealed class OuladMalformedInputTests
{
    private string _directory = "";

    [SetUp]
    public void CopyFixture() => _directory = OuladTestData.CopyOfFixture();

    [TearDown]
    public void DeleteCopy() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Import_WhenAClickRowHasTooFewColumns_FailsNamingFileAndLine()
    {
        ReplaceLine("studentVle.csv", 3, "AAA,2013J,544103,546657,16");

        var error = await Assert.ThrowsAsync<OuladInputException>(DryRunAsync);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("studentVle.csv line 3: ").And.Contain("expected 6 columns").And.Contain("found 5"));
            Assert.That(error.File, Is.EqualTo("studentVle.csv"));
            Assert.That(error.Line, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Import_WhenAClickCountIsNotANumber_FailsNamingFileLineAndField()
    {
        ReplaceLine("studentVle.csv", 100_000, "AAA,2013J,544103,546657,16,many");

        var error = await Assert.ThrowsAsync<OuladInputException>(DryRunAsync);

        Assert.That(error!.Message, Is.EqualTo("studentVle.csv line 100000: sum_click 'many' is not an integer."));
    }

    [Test]
    public async Task Import_WhenAStudentInfoRowHasAnExtraColumn_FailsNamingFileAndLine()
    {
        ReplaceLine("studentInfo.csv", 7, File.ReadLines(Path.Combine(_directory, "studentInfo.csv")).ElementAt(6) + ",extra");

        var error = await Assert.ThrowsAsync<OuladInputException>(DryRunAsync);

        Assert.That(error!.Message, Does.StartWith("studentInfo.csv line 7: expected 12 columns as in the header, found 13"));
    }

    [Test]
    public async Task Import_WhenADateIsNotANumber_FailsNamingFileAndLine()
    {
        ReplaceLine("studentRegistration.csv", 2, "AAA,2013J,11391,minus159,");

        var error = await Assert.ThrowsAsync<OuladInputException>(DryRunAsync);

        Assert.That(error!.Message, Is.EqualTo("studentRegistration.csv line 2: date_registration 'minus159' is not an integer."));
    }

    [Test]
    public async Task Import_WhenAColumnIsMissingFromTheHeader_FailsNamingTheColumn()
    {
        ReplaceLine("assessments.csv", 1, "code_module,code_presentation,id_assessment,assessment_type,day,weight");

        var error = await Assert.ThrowsAsync<OuladInputException>(DryRunAsync);

        Assert.That(error!.Message, Does.StartWith("assessments.csv line 1: the header has no column 'date'"));
    }

    [Test]
    public async Task Import_WhenAFileIsMissing_SaysWhichOne()
    {
        File.Delete(Path.Combine(_directory, "vle.csv"));

        var error = await Assert.ThrowsAsync<OuladInputException>(DryRunAsync);

        Assert.That(error!.Message, Does.StartWith("vle.csv: the file is missing"));
    }

    [Test]
    public async Task DryRun_OfTheFixture_CountsFromTheFilesAndWritesNothing()
    {
        var result = await DryRunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.DryRun, Is.True);
            Assert.That(result.RunId, Is.Null);
            Assert.That(result.Valid, Is.True);
            Assert.That(result.Files.Sum(f => f.RowsWritten), Is.Zero);
            Assert.That(result.Validation.Single(c => c.Name == "activity_raw_rows").Expected, Is.EqualTo(180_982));
            Assert.That(result.Validation.All(c => c.Actual is null), Is.True);
        });
    }

    [Test]
    public async Task Import_WhenAClickRowIsMalformed_LeavesTheStoreEmptyAndRecordsAFailedRun()
    {
        ReplaceLine("studentVle.csv", 150_000, "AAA,2013J,544103,546657,x,1");
        var store = await OuladTestData.MigratedDatabaseAsync("oulad_malformed");

        var error = await Assert.ThrowsAsync<OuladInputException>(() =>
            OuladImporter.RunAsync(store, _directory, NullLogger.Instance, CancellationToken.None));

        var courses = await OuladTestData.ScalarAsync<long>(store, "SELECT count(*) FROM lrs.courses");
        var activity = await OuladTestData.ScalarAsync<long>(store, "SELECT count(*) FROM lrs.activity_days");
        var loadTables = await OuladTestData.ScalarAsync<long>(store, "SELECT count(*) FROM pg_class WHERE relname LIKE 'activity\\_days\\_y%\\_load'");
        var october = await OuladTestData.ScalarAsync<long>(store,
            "SELECT count(*) FROM ops.partition_bounds('lrs.activity_days') WHERE from_day = DATE '2013-10-01'");
        var run = await OuladTestData.ScalarAsync<string>(store, "SELECT status || '|' || error FROM ops.sync_runs WHERE source = 'oulad'");

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith("studentVle.csv line 150000: date 'x'"));
            Assert.That(courses, Is.Zero);
            Assert.That(activity, Is.Zero);
            Assert.That(loadTables, Is.Zero, "no load table is left behind");
            Assert.That(october, Is.EqualTo(1), "the month partitions of the range are there again");
            Assert.That(run, Does.StartWith("failed|studentVle.csv line 150000"));
        });
    }

    private Task<OuladImportResult> DryRunAsync() =>
        OuladImporter.RunAsync("", new OuladImportOptions { Directory = _directory, DryRun = true }, NullLogger.Instance, CancellationToken.None);

    private void ReplaceLine(string file, int line, string text)
    {
        var path = Path.Combine(_directory, file);
        var lines = File.ReadAllLines(path);
        lines[line - 1] = text;
        File.WriteAllLines(path, lines);
    }
}
