namespace DockerReorder.Analysis.Context;

/// <summary>
/// A context file system with some files replaced: lets the analysis see the context as a fix
/// (a new or extended <c>.dockerignore</c>) would leave it, before anything is written.
/// </summary>
public sealed class OverlayContextFileSystem : IContextFileSystem
{
    private readonly IContextFileSystem _inner;
    private readonly IReadOnlyDictionary<string, string> _files;

    /// <summary>Overlays <paramref name="files"/> (context path to content) on <paramref name="inner"/>.</summary>
    public OverlayContextFileSystem(IContextFileSystem inner, IReadOnlyDictionary<string, string> files)
    {
        _inner = inner;
        _files = files;
    }

    /// <inheritdoc/>
    public bool FileExists(string path) => _files.ContainsKey(path) || _inner.FileExists(path);

    /// <inheritdoc/>
    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

    /// <inheritdoc/>
    public IReadOnlyList<ContextEntry> ListDirectory(string path)
    {
        var entries = _inner.ListDirectory(path).ToList();
        foreach (var file in _files.Keys)
        {
            int slash = file.LastIndexOf('/');
            var dir = slash < 0 ? "" : file[..slash];
            var name = file[(slash + 1)..];
            if (dir == path && !entries.Any(e => e.Name == name)) entries.Add(new ContextEntry(name, false));
        }
        return entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    public string? ReadAllText(string path) => _files.TryGetValue(path, out var text) ? text : _inner.ReadAllText(path);
}
