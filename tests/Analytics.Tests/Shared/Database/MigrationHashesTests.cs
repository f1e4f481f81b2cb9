using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Analytics.Api.Shared.Database;
using NUnit.Framework;

namespace Analytics.Tests.Shared.Database;

/// <summary>
/// A released migration is never edited (DATA_MODEL.md §11): src/Shared/Database/migrations.sha256 pins every file.
/// </summary>
public sealed partial class MigrationHashesTests
{
    private static readonly string MigrationsFolder = RepositoryRoot.Combine("src", "Shared", "Database", "Migrations");
    private static readonly string HashListPath = RepositoryRoot.Combine("src", "Shared", "Database", "migrations.sha256");

    [Test]
    public void HashList_ListsEveryMigrationFile()
    {
        var listed = ReadHashList();
        var files = MigrationFiles();
        Assert.That(files, Is.Not.Empty, "no migration files found in " + MigrationsFolder);

        var missing = files.Where(file => !listed.ContainsKey(Path.GetFileName(file))).ToList();

        Assert.That(
            missing,
            Is.Empty,
            () => "migrations.sha256 does not list these files; add the lines (keep the list sorted):" + Environment.NewLine
                  + string.Join(Environment.NewLine, missing.Select(file => $"{Hash(file)}  {Path.GetFileName(file)}")));
    }

    [Test]
    public void HashList_MatchesEveryReleasedMigration()
    {
        var listed = ReadHashList();
        Assert.That(listed, Is.Not.Empty, "migrations.sha256 is empty");

        using (Assert.EnterMultipleScope())
        {
            foreach (var (fileName, expected) in listed)
            {
                var path = Path.Combine(MigrationsFolder, fileName);
                if (!File.Exists(path))
                {
                    Assert.Fail($"{fileName} is listed in migrations.sha256 but was deleted: a released migration stays.");
                    continue;
                }

                Assert.That(
                    Hash(path),
                    Is.EqualTo(expected),
                    $"{fileName} changed after release: revert it and put the change in a new numbered migration.");
            }
        }
    }

    [Test]
    public void HashList_IsSortedByFileName()
    {
        var names = ReadHashList().Keys.ToList();

        Assert.That(names, Is.Not.Empty);
        Assert.That(names, Is.Ordered.Using<string>(StringComparer.Ordinal));
    }

    [Test]
    public void MigrationFiles_AreNumberedUniquelyAndNamedVerbObject()
    {
        var names = MigrationFiles().Select(Path.GetFileName).OfType<string>().ToList();
        Assert.That(names, Is.Not.Empty);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Has.All.Match(MigrationFileName()), "expected NNNN_<verb>_<object>[.notx].sql");
            Assert.That(names.Select(name => name[..4]), Is.Unique, "two migrations share a number");
        }
    }

    [Test]
    public void EmbeddedMigrations_AreExactlyTheMigrationFiles()
    {
        var files = MigrationFiles().Select(file => "Migrations." + Path.GetFileName(file)).ToList();
        Assert.That(files, Is.Not.Empty);

        var embedded = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Migrations.", StringComparison.Ordinal));

        Assert.That(embedded, Is.EquivalentTo(files), "DbUp journals the resource name: the csproj must embed each file once as Migrations.<file>");
    }

    private static List<string> MigrationFiles() =>
        [.. Directory.GetFiles(MigrationsFolder, "*.sql").Order(StringComparer.Ordinal)];

    /// <summary>File name → hash, in file order; lines are "&lt;sha256 hex&gt;  &lt;file name&gt;" as sha256sum writes them.</summary>
    private static Dictionary<string, string> ReadHashList()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(HashListPath).Where(line => !string.IsNullOrWhiteSpace(line)))
        {
            var match = HashListLine().Match(line.TrimEnd('\r'));
            Assert.That(match.Success, Is.True, $"migrations.sha256: malformed line '{line}'");
            Assert.That(entries.TryAdd(match.Groups["name"].Value, match.Groups["hash"].Value), Is.True,
                $"migrations.sha256 lists {match.Groups["name"].Value} twice");
        }

        return entries;
    }

    /// <summary>SHA-256 of the file's bytes with CRLF read as LF (what sha256sum gives for the committed file),
    /// so a Windows checkout with autocrlf does not look like an edit.</summary>
    private static string Hash(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var normalised = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\r' || i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')
            {
                normalised.Add(bytes[i]);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(normalised.ToArray()));
    }

    [GeneratedRegex("^(?<hash>[0-9a-f]{64})  (?<name>[^/\\\\]+\\.sql)$")]
    private static partial Regex HashListLine();

    [GeneratedRegex("^[0-9]{4}_[a-z]+(_[a-z0-9]+)+(\\.notx)?\\.sql$")]
    private static partial Regex MigrationFileName();
}
