namespace DockerReorder.Syntax.Tests.Support;

/// <summary>
/// Finds the shared data folder (a folder named <c>shared</c> holding <c>DESIGN.md</c>, beside or above the clone)
/// and the repository root, by walking up from the test assembly's directory.
/// </summary>
public static class TestPaths
{
    /// <summary>Placeholder theory row used when the shared folder is missing, so data-driven tests fail instead of vanishing.</summary>
    public const string Missing = "<shared folder missing>";

    private static readonly Lazy<string?> s_shared = new(() => FindUp(d => File.Exists(Path.Combine(d, "shared", "DESIGN.md")) ? Path.Combine(d, "shared") : null));
    private static readonly Lazy<string?> s_repo = new(() => FindUp(d => File.Exists(Path.Combine(d, "DockerReorder.sln")) ? d : null));

    /// <summary>The shared folder, or null when it cannot be found.</summary>
    public static string? SharedOrNull => s_shared.Value;

    /// <summary>The shared folder; throws with an explanation when it is missing.</summary>
    public static string Shared => s_shared.Value ?? throw new InvalidOperationException(
        "The shared data folder was not found: expected a folder 'shared' containing DESIGN.md beside the clone " +
        $"(for example ../shared), searching upwards from {AppContext.BaseDirectory}. The conformance and corpus tests need it.");

    /// <summary>The repository root (the folder with DockerReorder.sln).</summary>
    public static string Repo => s_repo.Value ?? throw new InvalidOperationException(
        $"The repository root (DockerReorder.sln) was not found above {AppContext.BaseDirectory}.");

    /// <summary>BuildKit's parser vectors.</summary>
    public static string BuildKitVectors => Path.Combine(Shared, "conformance", "buildkit-parser");

    /// <summary>Fails with the locator's explanation when a theory row is the missing-folder placeholder.</summary>
    public static void RequireShared(string row)
    {
        if (row == Missing) _ = Shared;
    }

    private static string? FindUp(Func<string, string?> probe)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var found = probe(dir.FullName);
            if (found is not null) return found;
        }
        return null;
    }
}
