namespace DockerReorder.Bench;

/// <summary>A set of files parsed together as one benchmark pass, held in memory so no I/O is timed.</summary>
internal sealed class Workload
{
    /// <summary>Creates a workload over files already read.</summary>
    public Workload(string name, string description, IReadOnlyList<byte[]> files)
    {
        Name = name;
        Description = description;
        Files = files;
        Bytes = files.Sum(f => (long)f.Length);
    }

    /// <summary>Short name used in tables.</summary>
    public string Name { get; }

    /// <summary>What the files are.</summary>
    public string Description { get; }

    /// <summary>The file contents.</summary>
    public IReadOnlyList<byte[]> Files { get; }

    /// <summary>Total size of a pass, in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Reads one file as a workload.</summary>
    public static Workload FromFile(string name, string description, string path) =>
        new(name, description, [File.ReadAllBytes(path)]);

    /// <summary>Reads every Dockerfile under a folder (discovery names, ordinal order).</summary>
    public static Workload FromDirectory(string name, string description, string directory) =>
        new(name, description, Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(p => IsDockerfileName(Path.GetFileName(p)))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList());

    // The CLI's discovery names (issue 4): Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile(.*).
    private static bool IsDockerfileName(string name) =>
        name is "Dockerfile" or "Containerfile"
        || name.StartsWith("Dockerfile.", StringComparison.Ordinal)
        || name.StartsWith("Containerfile.", StringComparison.Ordinal)
        || name.EndsWith(".Dockerfile", StringComparison.Ordinal)
        || name.EndsWith(".dockerfile", StringComparison.Ordinal);
}
