using System.Reflection;
using NetArchTest.Rules;

namespace Analytics.Tests.Architecture;

/// <summary>No slice references another slice's types (CONVENTIONS.md); shared code lives in src/Shared or an area's Shared folder.</summary>
public sealed class SliceIsolationTests
{
    private static readonly Assembly Api = typeof(Program).Assembly;

    public static IReadOnlyList<string> Slices() =>
        Api.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith("Analytics.Api.Features.", StringComparison.Ordinal))
            .Select(ns => string.Join('.', ns.Split('.').Take(5)))
            .Where(ns => ns.Split('.').Length == 5 && !ns.EndsWith(".Shared", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Test]
    public void Slices_AreFound()
    {
        Assert.That(Slices(), Has.Count.GreaterThanOrEqualTo(5), "the rule below would pass vacuously on an empty set");
    }

    [TestCaseSource(nameof(Slices))]
    public void Slice_DoesNotDependOnAnotherSlice(string slice)
    {
        var others = Slices().Where(s => s != slice).ToArray();

        var result = Types.InAssembly(Api)
            .That().ResideInNamespaceMatching($"^{System.Text.RegularExpressions.Regex.Escape(slice)}$")
            .ShouldNot().HaveDependencyOnAny(others)
            .GetResult();

        Assert.That(result.IsSuccessful, Is.True,
            $"{slice} references another slice: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
