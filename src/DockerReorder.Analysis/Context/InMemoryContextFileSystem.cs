namespace DockerReorder.Analysis.Context;

/// <summary>
/// A build context held in memory, for tests of the analysis: files by context-relative path,
/// directories implied by the paths (an entry ending in <c>/</c> declares an empty directory).
/// A file whose content is null exists but cannot be read.
/// </summary>
public sealed class InMemoryContextFileSystem : IContextFileSystem
{
    private readonly Dictionary<string, string?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, bool>> _directories = new(StringComparer.Ordinal);

    /// <summary>Builds the tree from path → content pairs (content null: unreadable file).</summary>
    public InMemoryContextFileSystem(IEnumerable<KeyValuePair<string, string?>> files)
    {
        _directories[string.Empty] = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (rawPath, content) in files)
        {
            var declaresDirectory = rawPath.EndsWith('/');
            var path = ContextPath.Normalize(rawPath);
            if (path.Length == 0 || path.StartsWith("..", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{rawPath}' is not a path inside the context.", nameof(files));
            }

            if (declaresDirectory)
            {
                AddDirectory(path);
                continue;
            }

            if (_directories.ContainsKey(path))
            {
                throw new ArgumentException($"'{path}' is both a file and a directory.", nameof(files));
            }

            var slash = path.LastIndexOf('/');
            var parent = slash < 0 ? string.Empty : path[..slash];
            AddDirectory(parent);
            _directories[parent][path[(slash + 1)..]] = false;
            _files[path] = content;
        }
    }

    /// <summary>Builds the tree from path → content pairs, every file readable.</summary>
    public InMemoryContextFileSystem(IReadOnlyDictionary<string, string> files)
        : this(files.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
    {
    }

    /// <summary>How many times <see cref="ListDirectory"/> was called: lets tests show a walk stopped early.</summary>
    public int ListDirectoryCalls { get; private set; }

    /// <inheritdoc />
    public bool FileExists(string path) => _files.ContainsKey(ContextPath.Normalize(path));

    /// <inheritdoc />
    public bool DirectoryExists(string path) => _directories.ContainsKey(ContextPath.Normalize(path));

    /// <inheritdoc />
    public IReadOnlyList<ContextEntry> ListDirectory(string path)
    {
        ListDirectoryCalls++;
        return _directories.TryGetValue(ContextPath.Normalize(path), out var entries)
            ? entries.Select(e => new ContextEntry(e.Key, e.Value)).ToArray()
            : [];
    }

    /// <inheritdoc />
    public string? ReadAllText(string path) =>
        _files.TryGetValue(ContextPath.Normalize(path), out var content) ? content : null;

    private void AddDirectory(string path)
    {
        while (!_directories.ContainsKey(path))
        {
            if (_files.ContainsKey(path))
            {
                throw new ArgumentException($"'{path}' is both a file and a directory.");
            }

            _directories[path] = new SortedDictionary<string, bool>(StringComparer.Ordinal);
            var slash = path.LastIndexOf('/');
            var parent = slash < 0 ? string.Empty : path[..slash];
            _directories.TryGetValue(parent, out var siblings);
            if (siblings is null)
            {
                AddDirectory(parent);
                siblings = _directories[parent];
            }

            siblings[path[(slash + 1)..]] = true;
        }
    }
}
