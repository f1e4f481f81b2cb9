using Analytics.Api.Shared.Sources.Oulad;

namespace Analytics.Tests.Shared.Sources.Oulad;

/// <summary>The arguments after <c>import oulad</c> (SOURCES.md §4.1).</summary>
public sealed class OuladImportOptionsTests
{
    [Test]
    public void Parse_WithOnlyAFolder_GivesTheDefaults()
    {
        var options = OuladImportOptions.Parse(["../shared/data/oulad"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Directory, Is.EqualTo("../shared/data/oulad"));
            Assert.That(options.OrganisationId, Is.EqualTo("oulad"));
            Assert.That(options.OrganisationName, Is.EqualTo("Open University (OULAD)"));
            Assert.That(options.StartOf(2013, 'B'), Is.EqualTo(new DateOnly(2013, 2, 1)));
            Assert.That(options.StartOf(2013, 'J'), Is.EqualTo(new DateOnly(2013, 10, 1)));
            Assert.That(options.AnalysisDate, Is.Null, "auto");
            Assert.That(options.DeriveTopics, Is.True);
            Assert.That(options.StoreDemographics, Is.True);
            Assert.That(options.TrainerPerModule, Is.False);
            Assert.That(options.Mode, Is.EqualTo(OuladImportMode.Replace));
            Assert.That(options.DryRun, Is.False);
            Assert.That(options.Connection, Is.Null);
        });
    }

    [Test]
    public void Parse_WithEveryOption_SetsThem()
    {
        var options = OuladImportOptions.Parse(
        [
            "--dir", "/data/oulad", "--organisation-id", "ou-2", "--organisation-name=The OU", "--b-start", "02-03", "--j-start", "09-28",
            "--year-offset", "-2", "--include", "AAA-*,BBB-2013J", "--exclude=*-2014J", "--analysis-date", "2014-03-01", "--no-derive-topics",
            "--demographics", "skip", "--trainer-per-module", "--mode", "fail-if-present", "--connection", "Host=db", "--dry-run",
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Directory, Is.EqualTo("/data/oulad"));
            Assert.That(options.OrganisationId, Is.EqualTo("ou-2"));
            Assert.That(options.OrganisationName, Is.EqualTo("The OU"));
            Assert.That(options.StartOf(2013, 'B'), Is.EqualTo(new DateOnly(2011, 2, 3)));
            Assert.That(options.StartOf(2014, 'J'), Is.EqualTo(new DateOnly(2012, 9, 28)));
            Assert.That(options.Include, Is.EqualTo(new[] { "AAA-*", "BBB-2013J" }));
            Assert.That(options.Exclude, Is.EqualTo(new[] { "*-2014J" }));
            Assert.That(options.AnalysisDate, Is.EqualTo(new DateOnly(2014, 3, 1)));
            Assert.That(options.DeriveTopics, Is.False);
            Assert.That(options.StoreDemographics, Is.False);
            Assert.That(options.TrainerPerModule, Is.True);
            Assert.That(options.Mode, Is.EqualTo(OuladImportMode.FailIfPresent));
            Assert.That(options.Connection, Is.EqualTo("Host=db"));
            Assert.That(options.DryRun, Is.True);
        });
    }

    [TestCase("AAA", "2013J", true)]
    [TestCase("AAA", "2014J", false)]
    [TestCase("BBB", "2013J", true)]
    [TestCase("BBB", "2013B", false)]
    [TestCase("CCC", "2013J", false)]
    public void Keeps_AppliesIncludeThenExclude(string module, string presentation, bool kept)
    {
        var options = OuladImportOptions.Parse(["dir", "--include", "AAA-*,BBB-2013J", "--exclude", "*-2014J"]);

        Assert.That(options.Keeps(module, presentation), Is.EqualTo(kept));
    }

    [Test]
    public void Parse_TheHeldBackTestSetExclusion_KeepsOnlyTheTrainingPart()
    {
        var options = OuladImportOptions.Parse(["dir", "--exclude", "CCC-*,*-2014J"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Keeps("AAA", "2013J"), Is.True);
            Assert.That(options.Keeps("GGG", "2014B"), Is.True);
            Assert.That(options.Keeps("CCC", "2014B"), Is.False);
            Assert.That(options.Keeps("DDD", "2014J"), Is.False);
        });
    }

    [TestCase(new string[0], "folder with the OULAD files is required")]
    [TestCase(new[] { "a", "b" }, "unexpected argument 'b'")]
    [TestCase(new[] { "a", "--dir", "b" }, "give the folder once")]
    [TestCase(new[] { "a", "--colour", "red" }, "unknown option --colour")]
    [TestCase(new[] { "a", "--mode", "merge" }, "--mode must be replace or fail-if-present")]
    [TestCase(new[] { "a", "--b-start", "02-29" }, "--b-start must be MM-DD")]
    [TestCase(new[] { "a", "--analysis-date", "yesterday" }, "--analysis-date must be auto or a date")]
    [TestCase(new[] { "a", "--organisation-id", "o u" }, "--organisation-id must be")]
    [TestCase(new[] { "a", "--exclude", "CCC" }, "--exclude takes a comma-separated list")]
    [TestCase(new[] { "a", "--derive-topics", "--no-derive-topics" }, "given twice")]
    [TestCase(new[] { "a", "--demographics" }, "--demographics needs a value")]
    [TestCase(new[] { "a", "--dry-run=yes" }, "--dry-run takes no value")]
    public void Parse_WithBadArguments_FailsSayingWhy(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => OuladImportOptions.Parse(args));

        Assert.That(error!.Message, Does.StartWith("import oulad: ").And.Contain(message));
    }
}
