using Analytics.Api.Features.Reports.Shared;
using Analytics.Api.Features.Reports.Shared.Schedules;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Features.Reports;

/// <summary>The e-mail delivery of scheduled reports (API.md §4.7) through MailKit against a loopback SMTP server.</summary>
public sealed class ReportMailerTests
{
    [Test]
    public async Task Send_DeliversToEveryRecipient_WithTheReportAttached()
    {
        using var smtp = FakeSmtpServer.Start();
        var options = new DeliveryOptions(
            true, "127.0.0.1", smtp.Port, "reports@analytics.example", null, null, false, false, [], false, 10, 1, null);
        var file = new ReportFile("weekly-report-20251103.csv", "text/csv", "analytic,metric,value\nvelocity,currentVelocity,31\n"u8.ToArray());

        await new ReportMailer(options).SendAsync(
            ["learner@test.com", "coach@example.org"], "Weekly report", "Your report is attached.", file, CancellationToken.None);

        Assert.That(smtp.Messages, Has.Count.EqualTo(1));
        var (recipients, data) = smtp.Messages[0];
        Assert.Multiple(() =>
        {
            Assert.That(recipients, Is.EqualTo(new[] { "learner@test.com", "coach@example.org" }));
            Assert.That(data, Does.Contain("Subject: Weekly report"));
            Assert.That(data, Does.Contain("From: reports@analytics.example"));
            Assert.That(data, Does.Contain("weekly-report-20251103.csv"), "the file goes as an attachment");
            Assert.That(data, Does.Contain("Your report is attached."));
        });
    }
}
