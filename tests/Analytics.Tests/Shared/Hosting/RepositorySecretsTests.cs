using System.Diagnostics;
using System.Text.RegularExpressions;
using Analytics.Tests.Shared.Database;

namespace Analytics.Tests.Shared.Hosting;

/// <summary>
/// Issue 9 point 5: no secret in the repository. Scans every tracked file (git ls-files; every file outside bin/obj/.git when git
/// is missing) for private keys, JWTs, cloud and chat tokens, webhook secrets, passwords in connection strings and long literal
/// values assigned to secret-named keys. The allow-list holds the documented dev-only placeholders, each with its reason.
/// </summary>
public sealed partial class RepositorySecretsTests
{
    /// <summary>(file, exact match): test-only values that are not secrets anywhere.</summary>
    private static readonly (string File, string Match, string Why)[] Allowed =
    [
        ("tests/Analytics.Tests/Infrastructure/AnalyticsApiFactory.cs", "SigningKey = \"dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLTMyLWJ5dGVzLWxvbmcK\"",
            "the test hosts' HS256 key (base64 of 'test-signing-key-that-is-32-bytes-long'), so tests can mint tokens"),
        ("tests/Analytics.Tests/Infrastructure/AnalyticsApiFactory.cs", "SubjectHashKey = \"dGVzdC1zdWJqZWN0LWhhc2gta2V5LXRoYXQtaXMtMzItYnl0ZXMK\"",
            "the test hosts' erasure-tombstone key (base64 of 'test-subject-hash-key-that-is-32-bytes-long')"),
        ("tests/Analytics.Tests/Features/Privacy/PrivacyEndpointTests.cs", "AQAAAAIAAYagAAAAEPRIVACYTESTPASSWORDHASHprv",
            "a marker stored as a password hash, so the export test sees it is left out"),
        ("tests/Analytics.Tests/Features/Privacy/PrivacyEndpointTests.cs", "PRIVACY-TEST-ENCRYPTED-WEBHOOK-SECRET",
            "a marker stored as a webhook secret, so the export test sees it is left out"),
        ("tests/Analytics.Tests/Features/Privacy/PrivacyEndpointTests.cs", "7072762d746f6b656e2d686173682d6f662d33322d62797465732d2d2d2d2d2d",
            "hex of 'prv-token-hash-of-32-bytes------', a marker stored as a refresh-token hash"),
    ];

    // The samples below are split in two so this file does not hold what it looks for.
    [Test]
    public void TrackedFiles_HoldNoSecret()
    {
        var files = TrackedFiles();
        Assert.That(files, Has.Count.GreaterThan(100), "the scan sees the repository");
        var findings = new List<string>();
        foreach (var file in files)
        {
            var full = Path.Combine(RepositoryRoot.Path, file);
            if (!File.Exists(full) || new FileInfo(full).Length > 2_000_000 || IsBinary(full))
            {
                continue;
            }

            var text = File.ReadAllText(full);
            foreach (var pattern in Patterns())
            {
                foreach (Match match in pattern.Matches(text))
                {
                    if (!Allowed.Any(a => a.File == file && match.Value.Contains(a.Match, StringComparison.Ordinal) || a.File == file && a.Match.Contains(match.Value, StringComparison.Ordinal)))
                    {
                        findings.Add($"{file}: {match.Value[..Math.Min(80, match.Value.Length)]}");
                    }
                }
            }
        }

        Assert.That(findings, Is.Empty);
    }

    [TestCase("-----BEGIN RSA PRIVATE " + "KEY-----")]
    [TestCase("-----BEGIN OPENSSH PRIVATE " + "KEY-----")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiJsZWFybmVyLTEyMyJ9." + "c2lnbmF0dXJlLXNpZ25hdHVyZQ")]
    [TestCase("Host=db;Username=app;Password" + "=hunter2hunter2")]
    [TestCase("\"SigningKey\": \"" + "c2VjcmV0LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzLXh4eA==\"")]
    [TestCase("Auth__SigningKey=" + "c2VjcmV0LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVz")]
    [TestCase("whsec_" + "0123456789abcdefghijKLMN")]
    [TestCase("token: ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB")]
    [TestCase("AKIA" + "ABCDEFGHIJKLMNOP")]
    public void Patterns_FindTypicalSecrets(string sample) =>
        Assert.That(Patterns().Any(p => p.IsMatch(sample)), Is.True);

    [TestCase("Password=…")]
    [TestCase("Password=%s")]
    [TestCase("Password=${PGPASSWORD}")]
    [TestCase("public const string RefreshTokenOwnerItem = \"analytics.refresh-token-owner\";")]
    public void Patterns_LeavePlaceholdersAlone(string sample) =>
        Assert.That(Patterns().Any(p => p.IsMatch(sample)), Is.False);

    private static Regex[] Patterns() =>
    [
        PrivateKey(), Jwt(), ConnectionPassword(), SecretAssignment(), WebhookSecret(), CloudToken(),
    ];

    [GeneratedRegex("-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?i)\b(password|pwd)=(?![%$<{…*])[^;""'\s]{4,}")]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex(@"(?i)(signing_?key|secret|token|password|api_?key|subject_?hash_?key)\w*""?\s*[:=]\s*""?[A-Za-z0-9+/=_-]{24,}")]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"whsec_[A-Za-z0-9_-]{16,}")]
    private static partial Regex WebhookSecret();

    [GeneratedRegex(@"\b(gh[pousr]_[A-Za-z0-9]{30,}|AKIA[0-9A-Z]{16}|xox[baprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{10,})")]
    private static partial Regex CloudToken();

    private static List<string> TrackedFiles()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "ls-files -z")
            {
                WorkingDirectory = RepositoryRoot.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0 && output.Length > 0)
            {
                return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git: walk the folder instead.
        }

        return [.. Directory.EnumerateFiles(RepositoryRoot.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or ".git" or ".data" or "node_modules"))];
    }

    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[4096];
        using var stream = File.OpenRead(path);
        var read = stream.Read(head);
        return head[..read].Contains((byte)0);
    }
}
