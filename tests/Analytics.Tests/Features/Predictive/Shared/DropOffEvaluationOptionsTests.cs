using Analytics.Api.Features.Predictive.Shared;

namespace Analytics.Tests.Features.Predictive.Shared;

/// <summary>The arguments of `evaluate dropoff` (issue 6 point 5).</summary>
public sealed class DropOffEvaluationOptionsTests
{
    [Test]
    public void Parse_WithEveryOption_ReadsThemAll()
    {
        var options = DropOffEvaluationOptions.Parse(
            ["dropoff", "--train", "*-2013B,*-2013J", "--test", "*-2014B", "--exclude", "CCC-*", "--weeks", "8,2", "--target", "exam-score", "--predictions-out", "p.csv"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Train, Is.EqualTo(new[] { "*-2013B", "*-2013J" }));
            Assert.That(options.Test, Is.EqualTo(new[] { "*-2014B" }));
            Assert.That(options.Exclude, Is.EqualTo(new[] { "CCC-*" }));
            Assert.That(options.Weeks, Is.EqualTo(new[] { 2, 8 }));
            Assert.That(options.Targets, Is.EqualTo(new[] { DropOffTarget.ExamScore }));
            Assert.That(options.PredictionsOut, Is.EqualTo("p.csv"));
        });
    }

    [Test]
    public void Parse_WithoutTargetOrWeeks_ReportsTheThreeBinaryTargetsAtTheProtocolWeeks()
    {
        var options = DropOffEvaluationOptions.Parse(["dropoff", "--train", "AAA-2013J", "--test", "AAA-2014J"]);

        Assert.Multiple(() =>
        {
            Assert.That(options.Weeks, Is.EqualTo(new[] { 2, 4, 8, 12 }));
            Assert.That(options.Targets, Is.EqualTo(new[] { DropOffTarget.Dropout, DropOffTarget.AtRisk, DropOffTarget.Fail }));
        });
    }

    [TestCase("AAA-2013J", "*-2013J", true)]
    [TestCase("CCC-2014B", "CCC-*", true)]
    [TestCase("CCC-2014B", "*-2014J", false)]
    [TestCase("AAA-2013J", "AAA-2013", false)]
    public void Matches_TakesStarAsAnyRun(string code, string pattern, bool expected)
    {
        Assert.That(DropOffEvaluationOptions.Matches(code, [pattern]), Is.EqualTo(expected));
    }

    [TestCase(new[] { "dropoff", "--test", "*-2014B" }, "--train is required")]
    [TestCase(new[] { "dropoff", "--train", "*-2013B", "--test", "2014B" }, "MODULE-PRESENTATION")]
    [TestCase(new[] { "dropoff", "--train", "*-2013B", "--test", "*-2014B", "--weeks", "0,4" }, "--weeks")]
    [TestCase(new[] { "dropoff", "--train", "*-2013B", "--test", "*-2014B", "--target", "grade" }, "--target")]
    [TestCase(new[] { "dropoff", "--train", "*-2013B", "--test", "*-2014B", "--frobnicate", "x" }, "unknown option")]
    [TestCase(new[] { "forecast" }, "Usage")]
    public void Parse_WithBadArguments_SaysWhatIsWrong(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => DropOffEvaluationOptions.Parse(args));

        Assert.That(error!.Message, Does.Contain(message));
    }

    [TestCase(0.750, 0.754, false)]
    [TestCase(0.750, 0.756, true)]
    [TestCase(0.760, 0.750, false)]
    public void PrefersTrees_OnlyBeyondTheTieMargin(double logistic, double trees, bool expected)
    {
        Assert.That(DropOffEvaluation.PrefersTrees(logistic, trees), Is.EqualTo(expected), "within 0.005 logistic regression wins");
    }
}
