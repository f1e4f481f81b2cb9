using Analytics.Api.Shared.Sources.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Analytics.Tests.Shared.Sources.Demo;

/// <summary>The command line and configuration of SOURCES.md §2.1.</summary>
public sealed class DemoOptionsTests
{
    [Test]
    public void Parse_AcceptsEveryOption_InBothForms()
    {
        var options = DemoOptions.Parse(
        [
            "--preset", "tiny", "--seed=7", "--end-date", "2025-03-14", "--organisations", "3", "--departments", "2-5",
            "--learners", "400", "--trainers=40", "--courses", "60", "--days", "200", "--skills", "60", "--activity-scale", "0.5",
            "--replace",
        ]);

        Assert.That(options, Is.EqualTo(new DemoOptions
        {
            Preset = "tiny",
            Seed = 7,
            EndDate = new DateOnly(2025, 3, 14),
            Organisations = 3,
            DepartmentsMin = 2,
            DepartmentsMax = 5,
            Learners = 400,
            Trainers = 40,
            Courses = 60,
            Days = 200,
            Skills = 60,
            ActivityScale = 0.5,
            Replace = true,
        }));
    }

    [Test]
    public void Parse_NoArguments_GivesTheDefaults()
    {
        var options = DemoOptions.Parse([]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Preset, Is.EqualTo("small"));
            Assert.That(options.Seed, Is.EqualTo(42UL));
            Assert.That(options.EndDate, Is.Null);
            Assert.That(options.Replace, Is.False);
        });
    }

    [TestCase("--preset", "huge")]
    [TestCase("--seed", "-1")]
    [TestCase("--seed", "abc")]
    [TestCase("--end-date", "14/03/2025")]
    [TestCase("--end-date", "2025-02-30")]
    [TestCase("--learners", "0")]
    [TestCase("--learners", "1.5")]
    [TestCase("--departments", "5-2")]
    [TestCase("--departments", "x")]
    [TestCase("--activity-scale", "0")]
    [TestCase("--activity-scale", "NaN")]
    [TestCase("--colour", "blue")]
    [TestCase("--replace=yes")]
    [TestCase("--seed")]
    [TestCase("tiny")]
    [TestCase("--seed", "1", "--seed", "2")]
    public void Parse_RejectsBadInput_WithArgumentException(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => DemoOptions.Parse(args));

        Assert.That(error!.Message, Does.StartWith("generate:"));
    }

    [Test]
    public void FromConfiguration_ReadsSourcesDemoKeys_AndDefaultsTheRest()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Demo:Preset"] = "tiny",
            ["Sources:Demo:EndDate"] = "2025-03-14",
            ["Sources:Demo:Departments"] = "3-4",
        }).Build().GetSection("Sources:Demo");

        var options = DemoOptions.FromConfiguration(section);

        Assert.That(options, Is.EqualTo(new DemoOptions
        {
            Preset = "tiny",
            EndDate = new DateOnly(2025, 3, 14),
            DepartmentsMin = 3,
            DepartmentsMax = 4,
        }));
        Assert.That(DemoOptions.FromConfiguration(new ConfigurationBuilder().Build()), Is.EqualTo(new DemoOptions()));
    }

    [Test]
    public void Resolve_WithoutEndDate_UsesTodayUtc_AndThePresetNumbers()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 23, 30, 0, TimeSpan.Zero));

        var settings = new DemoOptions { Preset = "scale" }.Resolve(clock);

        Assert.Multiple(() =>
        {
            Assert.That(settings.EndDate, Is.EqualTo(new DateOnly(2025, 6, 1)));
            Assert.That(settings.AnalysisDate, Is.EqualTo(new DateOnly(2025, 6, 2)));
            Assert.That((settings.Organisations, settings.Learners, settings.Trainers, settings.Courses, settings.Days),
                Is.EqualTo((40, 100_000, 2_000, 1_000, 365)));
        });
    }

    [Test]
    public void Resolve_TooFewLearnersForOrg123_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new DemoOptions { Preset = "tiny", Learners = 100 }.Resolve(TimeProvider.System));

        Assert.That(error!.Message, Does.Contain("org-123"));
    }
}
