namespace DockerReorder.Cli.Tests.Packaging;

/// <summary>The checkout these tests run from: its root (the folder holding DockerReorder.sln), the CLI project and the seed example.</summary>
internal static class RepositoryCheckout
{
    public static readonly string Root = Locate();

    public static string CliProject => Path.Combine(Root, "src", "DockerReorder.Cli");

    public static string SeedExample => Path.Combine(Root, "examples", "seed");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DockerReorder.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("DockerReorder.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies the seed example (Dockerfile, requirements.txt, main.py, .dockerignore) into <paramref name="into"/>.</summary>
    public static void CopySeed(TempFolder into)
    {
        foreach (var file in Directory.EnumerateFiles(SeedExample))
        {
            into.WriteBytes(Path.GetFileName(file), File.ReadAllBytes(file));
        }
    }
}
