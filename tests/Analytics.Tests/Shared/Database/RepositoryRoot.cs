using NUnit.Framework;

namespace Analytics.Tests.Shared.Database;

/// <summary>The repository checkout the tests run from: the nearest folder above the test binaries holding Analytics.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

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
