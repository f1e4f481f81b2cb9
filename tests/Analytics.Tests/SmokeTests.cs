namespace Analytics.Tests;

public class SmokeTests
{
    [Test]
    public void True() => Assert.That(1, Is.EqualTo(1));
}
