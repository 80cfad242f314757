namespace DockerReorder.Analysis.Tests.Support;

/// <summary>Finds the repository root (the folder with DockerReorder.sln) and the shared data beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's fixtures folder.</summary>
    public static string Fixtures => Path.Combine(Root, "fixtures");

    /// <summary>The shared folder (../shared beside the clone); fails clearly when it is missing.</summary>
    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (!File.Exists(Path.Combine(shared, "DESIGN.md")))
                throw new InvalidOperationException($"../shared is missing (looked for {shared}/DESIGN.md): the corpus tests need the shared data beside the clone");
            return shared;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DockerReorder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find DockerReorder.sln above " + AppContext.BaseDirectory);
    }
}
