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
    private readonly ConcurrentDictionary<string, bool> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ContextEntry>> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);

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
    public bool FileExists(string path) => _files.GetOrAdd(path, static (p, fs) => fs.FileExists(p), _inner);

    /// <inheritdoc/>
    public bool DirectoryExists(string path) => _directories.GetOrAdd(path, static (p, fs) => fs.DirectoryExists(p), _inner);

    /// <inheritdoc/>
    public IReadOnlyList<ContextEntry> ListDirectory(string path) =>
        _listings.GetOrAdd(path, static (p, fs) => fs.ListDirectory(p).ToArray(), _inner);

    /// <inheritdoc/>
    public string? ReadAllText(string path) => _texts.GetOrAdd(path, static (p, fs) => fs.ReadAllText(p), _inner);
}
