namespace DockerReorder.Analysis.Context;

/// <summary>
/// The files of a build context, as the analysis sees them. The analysis does no I/O itself:
/// the CLI implements this over the file system, tests over an in-memory tree.
/// Paths are context-relative, separated by <c>/</c>, without a leading <c>./</c> or <c>/</c>;
/// the empty string is the context root.
/// </summary>
public interface IContextFileSystem
{
    /// <summary>True when <paramref name="path"/> is a regular file (or a symlink to one).</summary>
    bool FileExists(string path);

    /// <summary>True when <paramref name="path"/> is a directory.</summary>
    bool DirectoryExists(string path);

    /// <summary>The entries directly inside a directory, sorted ordinally; empty when it does not exist.</summary>
    IReadOnlyList<ContextEntry> ListDirectory(string path);

    /// <summary>The file's text (UTF-8), or null when it is missing or cannot be read.</summary>
    string? ReadAllText(string path);
}

/// <summary>One entry of a context directory.</summary>
/// <param name="Name">The entry name (no slashes).</param>
/// <param name="IsDirectory">True for a directory.</param>
public readonly record struct ContextEntry(string Name, bool IsDirectory);
