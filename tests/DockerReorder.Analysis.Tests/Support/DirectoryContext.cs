using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Support;

/// <summary>A fixture folder as a build context (tests may do I/O; the library does not).</summary>
public sealed class DirectoryContext(string root) : IContextFileSystem
{
    private string Full(string path) => path.Length == 0 ? root : Path.Combine(root, path);

    /// <inheritdoc/>
    public bool FileExists(string path) => File.Exists(Full(path));

    /// <inheritdoc/>
    public bool DirectoryExists(string path) => Directory.Exists(Full(path));

    /// <inheritdoc/>
    public IReadOnlyList<ContextEntry> ListDirectory(string path)
    {
        var full = Full(path);
        if (!Directory.Exists(full)) return [];
        return new DirectoryInfo(full).EnumerateFileSystemInfos()
            .Select(i => new ContextEntry(i.Name, i is DirectoryInfo))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc/>
    public string? ReadAllText(string path) => File.Exists(Full(path)) ? File.ReadAllText(Full(path)) : null;
}
