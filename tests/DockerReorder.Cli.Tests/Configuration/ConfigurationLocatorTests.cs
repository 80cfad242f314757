using DockerReorder.Cli.Configuration;

namespace DockerReorder.Cli.Tests.Configuration;

/// <summary>Finding the nearest configuration: one locator asked about many folders answers as a fresh locator per question does.</summary>
public sealed class ConfigurationLocatorTests
{
    private static string? FileOf(ConfigurationLocator locator, string directory)
    {
        try { return locator.For(directory)?.FilePath; }
        catch (ConfigurationException e) { return "error: " + e.Message; }
    }

    /// <summary>Nested folders with and without a file, a dangling link named like the file (still an error), relative and trailing-separator spellings.</summary>
    [Fact]
    public void Remembered_answers_equal_fresh_lookups()
    {
        using var t = new TempFolder();
        t.Write("repo/.docker-reorder.json", "{\"ignore\": [\"DR003\"]}");
        t.Write("repo/a/b/c/Dockerfile", "FROM a\n");
        t.Write("repo/svc/.docker-reorder.json", "{}");
        t.Write("repo/svc/deep/Dockerfile", "FROM a\n");
        t.Write("plain/x/Dockerfile", "FROM a\n");
        Directory.CreateDirectory(Path.Combine(t.Path, "broken/inner"));
        if (!OperatingSystem.IsWindows()) File.CreateSymbolicLink(Path.Combine(t.Path, "broken/.docker-reorder.json"), Path.Combine(t.Path, "missing-target"));
        string[] folders =
        [
            "repo/a/b/c", "repo/a/b", "repo", "repo/svc/deep", "repo/svc", "plain/x", "plain", "broken/inner", "broken",
            "repo/a/b/c/", "repo/a/../a/b", "plain/x/.", "repo/missing/deeper",
        ];
        var shared = new ConfigurationLocator(p => p);
        for (int round = 0; round < 2; round++)
        {
            foreach (var folder in round == 0 ? folders : folders.Reverse())
            {
                var full = Path.Combine(t.Path, folder);
                Assert.Equal(FileOf(new ConfigurationLocator(p => p), full), FileOf(shared, full));
            }
        }
        Assert.Equal(Path.Combine(t.Path, "repo/.docker-reorder.json"), FileOf(shared, Path.Combine(t.Path, "repo/a/b/c")));
        Assert.Equal(Path.Combine(t.Path, "repo/svc/.docker-reorder.json"), FileOf(shared, Path.Combine(t.Path, "repo/svc/deep")));
        if (!OperatingSystem.IsWindows()) Assert.StartsWith("error: ", FileOf(shared, Path.Combine(t.Path, "broken/inner")), StringComparison.Ordinal);
    }
}
