namespace DockerReorder.Cli.Discovery;

/// <summary>The file-name patterns that make a file a Dockerfile during discovery, and the folders never entered.</summary>
public static class DockerfileNames
{
    /// <summary>The glob patterns (matched against the file name, case-sensitively) of the files discovery picks up.</summary>
    public static IReadOnlyList<string> DefaultPatterns { get; } =
        ["Dockerfile", "Dockerfile.*", "*.Dockerfile", "*.dockerfile", "Containerfile", "Containerfile.*"];

    /// <summary>Folder names discovery never enters.</summary>
    public static IReadOnlySet<string> SkippedFolders { get; } =
        new HashSet<string>(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj" };
}
