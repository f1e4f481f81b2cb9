using System.Text.RegularExpressions;
using Analytics.Api.Shared.Database;

namespace Analytics.Tests.Architecture;

/// <summary>
/// Query files follow the SQL rules of CONVENTIONS.md: embedded and loadable by name, parameters only (no string building),
/// no `select *`, and every Dapper call passes a CommandDefinition (with the cancellation token).
/// </summary>
public sealed partial class SqlRulesTests
{
    public static IReadOnlyList<string> QueryNames() => SqlQueries.Names();

    [Test]
    public void Queries_AreEmbeddedForEverySqlFileOfTheFeaturesAndSharedQueries()
    {
        var root = RepositoryRootPath();
        var onDisk = Directory.EnumerateFiles(Path.Combine(root, "src", "Features"), "*.sql", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "Shared", "Queries"), "*.sql"))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .ToArray();

        Assert.That(onDisk, Is.Not.Empty);
        Assert.That(QueryNames(), Is.EquivalentTo(onDisk), "every query file is embedded once, under a unique flat name");
    }

    [Test]
    public void Get_WithUnknownName_FailsLoudly()
    {
        Assert.That(() => SqlQueries.Get("No.Such.Query"), Throws.InvalidOperationException);
    }

    [TestCaseSource(nameof(QueryNames))]
    public void Query_UsesNoSelectStarAndNoStringBuilding(string name)
    {
        var sql = WithoutComments(SqlQueries.Get(name));

        Assert.Multiple(() =>
        {
            Assert.That(sql, Is.Not.Empty);
            Assert.That(SelectStar().IsMatch(sql), Is.False, "select * (or alias.*) is not allowed");
            Assert.That(sql, Does.Not.Contain("{0}").And.Not.Contain("{{").And.Not.Match(@"\$\d"), "values go in as @parameters");
        });
    }

    [Test]
    public void DapperCalls_PassACommandDefinition()
    {
        var root = RepositoryRootPath();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        var calls = files.SelectMany(f => DapperCall().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Call: m.Value))).ToArray();
        Assert.That(calls, Is.Not.Empty);

        var offenders = calls.Where(c => !c.Call.EndsWith("new CommandDefinition(", StringComparison.Ordinal)).Select(c => $"{c.File}: {c.Call}");

        Assert.That(offenders, Is.Empty);
    }

    private static string WithoutComments(string sql) => LineComment().Replace(sql, string.Empty).Trim();

    private static string RepositoryRootPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Analytics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Analytics.sln not found above the test folder.");
    }

    [GeneratedRegex(@"\bselect\s+(\w+\.)?\*", RegexOptions.IgnoreCase)]
    private static partial Regex SelectStar();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"connection\.(Query|Execute)\w*(<[^>]+>)?\(\s*(new CommandDefinition\()?")]
    private static partial Regex DapperCall();
}
