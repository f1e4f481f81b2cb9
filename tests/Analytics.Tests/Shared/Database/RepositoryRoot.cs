using NUnit.Framework;

namespace Analytics.Tests.Shared.Database;

/// <summary>The repository checkout the tests run from: the nearest folder above the test binaries holding Analytics.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// The shared data folder (OULAD, fixtures): `ANALYTICS_SHARED_DIR` when set (scripts/test sets it for a clone that does not
    /// sit beside `shared/`), else `../shared` next to the checkout.
    /// </summary>
    public static string SharedData(params string[] parts) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(
            [Environment.GetEnvironmentVariable("ANALYTICS_SHARED_DIR") is { Length: > 0 } shared ? shared : System.IO.Path.Combine(Path, "..", "shared"),
             "data", .. parts]));

    private static string Find()
    {
        foreach (var start in new[] { TestContext.CurrentContext.TestDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Analytics.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No folder holding Analytics.sln above {TestContext.CurrentContext.TestDirectory}: run the tests from the repository.");
    }
}
