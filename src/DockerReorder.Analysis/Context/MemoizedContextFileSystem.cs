using System.Collections.Concurrent;

namespace DockerReorder.Analysis.Context;

/// <summary>
/// Remembers every answer of another context file system. The analysis asks about the same paths
/// once per instruction and once per fix round (a 5 MiB Dockerfile made a million <c>lstat</c>
/// calls); the context does not change while it is analysed, so the first answer stands.
/// Safe to share between threads.
/// </summary>
public sealed class MemoizedContextFileSystem : IContextFileSystem
{
    private readonly IContextFileSystem _inner;
    // Made on first use: one context per Dockerfile, and many small ones never list or read (four empty tables per file).
    private ConcurrentDictionary<string, bool>? _files;
    private ConcurrentDictionary<string, bool>? _directories;
    private ConcurrentDictionary<string, IReadOnlyList<ContextEntry>>? _listings;
    private ConcurrentDictionary<string, string?>? _texts;

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
    public bool FileExists(string path) => Table(ref _files).GetOrAdd(path, static (p, fs) => fs.FileExists(p), _inner);

    /// <inheritdoc/>
    public bool DirectoryExists(string path) => Table(ref _directories).GetOrAdd(path, static (p, fs) => fs.DirectoryExists(p), _inner);

    /// <inheritdoc/>
    public IReadOnlyList<ContextEntry> ListDirectory(string path) =>
        Table(ref _listings).GetOrAdd(path, static (p, fs) => fs.ListDirectory(p).ToArray(), _inner);

    /// <inheritdoc/>
    public string? ReadAllText(string path) => Table(ref _texts).GetOrAdd(path, static (p, fs) => fs.ReadAllText(p), _inner);

    // The table, made by the first thread that needs it (a thread that loses the race uses the winner's).
    private static ConcurrentDictionary<string, T> Table<T>(ref ConcurrentDictionary<string, T>? table) =>
        table ?? Interlocked.CompareExchange(ref table, new ConcurrentDictionary<string, T>(StringComparer.Ordinal), null) ?? table!;
}
