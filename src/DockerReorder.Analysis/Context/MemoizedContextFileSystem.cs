namespace DockerReorder.Analysis.Context;

/// <summary>
/// Remembers every answer of another context file system. The analysis asks about the same paths
/// once per instruction and once per fix round (a 5 MiB Dockerfile made a million <c>lstat</c>
/// calls); the context does not change while it is analysed, so the first answer stands.
/// Safe to share between threads (one lock: a context is analysed on one thread, and a concurrent table per
/// question was a tenth of what a small file's analysis allocated).
/// </summary>
public sealed class MemoizedContextFileSystem : IContextFileSystem
{
    private readonly IContextFileSystem _inner;
    // Made on first use: one context per Dockerfile, and many small ones never list or read (four empty tables per file).
    private Dictionary<string, bool>? _files;
    private Dictionary<string, bool>? _directories;
    private Dictionary<string, IReadOnlyList<ContextEntry>>? _listings;
    private Dictionary<string, string?>? _texts;
    private readonly Lock _lock = new();

    private MemoizedContextFileSystem(IContextFileSystem inner)
    {
        _inner = inner;
    }

    /// <summary>The file system <paramref name="inner"/> with its answers remembered (itself when it already is).</summary>
    public static MemoizedContextFileSystem Over(IContextFileSystem inner) =>
        inner as MemoizedContextFileSystem ?? new MemoizedContextFileSystem(inner);

    /// <summary>The file system whose answers are remembered.</summary>
    public IContextFileSystem Inner => _inner;

    /// <inheritdoc/>
    public bool FileExists(string path) => Remembered(ref _files, path, static (p, fs) => fs.FileExists(p));

    /// <inheritdoc/>
    public bool DirectoryExists(string path) => Remembered(ref _directories, path, static (p, fs) => fs.DirectoryExists(p));

    /// <inheritdoc/>
    public IReadOnlyList<ContextEntry> ListDirectory(string path) =>
        Remembered(ref _listings, path, static (p, fs) => fs.ListDirectory(p).ToArray());

    /// <inheritdoc/>
    public string? ReadAllText(string path) => Remembered(ref _texts, path, static (p, fs) => fs.ReadAllText(p));

    // The first answer for the path, asked of the inner file system once (the table is made on first use).
    private T Remembered<T>(ref Dictionary<string, T>? table, string path, Func<string, IContextFileSystem, T> ask)
    {
        lock (_lock)
        {
            table ??= new Dictionary<string, T>(StringComparer.Ordinal);
            if (!table.TryGetValue(path, out var answer))
            {
                answer = ask(path, _inner);
                table[path] = answer;
            }
            return answer;
        }
    }
}
