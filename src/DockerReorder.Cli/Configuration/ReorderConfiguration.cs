namespace DockerReorder.Cli.Configuration;

/// <summary>The settings of one <c>.docker-reorder.json</c>; a null member was not set in the file.</summary>
public sealed record ReorderConfiguration
{
    /// <summary>The configuration file's absolute path.</summary>
    public required string FilePath { get; init; }

    /// <summary>Only these rule ids.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>Never these rule ids.</summary>
    public IReadOnlyList<string>? Ignore { get; init; }

    /// <summary>Apply unsafe fixes too.</summary>
    public bool? UnsafeFixes { get; init; }

    /// <summary>Globs (relative to the file's folder) of Dockerfiles that discovery skips.</summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>More file names to treat as dependency manifests.</summary>
    public IReadOnlyList<string>? ExtraManifests { get; init; }

    /// <summary>The folder the file is in (exclude globs are relative to it).</summary>
    public string Directory => Path.GetDirectoryName(FilePath)!;
}
