using System.Text;
using DockerReorder.Analysis.Context;

namespace DockerReorder.Cli.Context;

/// <summary>
/// A build context over a real directory. Symbolic links are reported as Docker sends them:
/// a link to a file counts as a file (its target's text is read), while a link to a directory is
/// listed as a non-directory entry and never followed, because Docker transfers it as a link, not
/// as the tree it points to. A dangling link is neither a file nor a directory (it is listed, but
/// has no text). Text is strict UTF-8: a file with invalid bytes reads as null (its content cannot be
/// reasoned about). Every I/O failure (missing, unreadable, a path escaping the root)
/// answers "not there" or null; nothing here throws on I/O errors.
/// </summary>
public sealed class FileSystemContext : IContextFileSystem
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _root;

    /// <summary>Opens the context rooted at <paramref name="rootDirectory"/>.</summary>
    public FileSystemContext(string rootDirectory)
    {
        _root = Path.GetFullPath(rootDirectory);
    }

    /// <summary>The absolute path of the context root.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc />
    public bool FileExists(string path)
    {
        var full = Resolve(path);
        if (full is null)
        {
            return false;
        }

        try
        {
            // File.Exists is true for a dangling link too: resolve the link and test its final target.
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                return false;
            }

            if (info.LinkTarget is null)
            {
                return true;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is FileInfo { Exists: true };
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public bool DirectoryExists(string path)
    {
        var full = Resolve(path);
        if (full is null)
        {
            return false;
        }

        try
        {
            var info = new DirectoryInfo(full);
            return info.Exists && info.LinkTarget is null;
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ContextEntry> ListDirectory(string path)
    {
        var full = Resolve(path);
        if (full is null)
        {
            return [];
        }

        try
        {
            var directory = new DirectoryInfo(full);
            if (!directory.Exists || directory.LinkTarget is not null)
            {
                return [];
            }

            var entries = new List<ContextEntry>();
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                var isDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
                entries.Add(new ContextEntry(entry.Name, isDirectory));
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return entries;
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            return [];
        }
    }

    /// <inheritdoc />
    public string? ReadAllText(string path)
    {
        var full = Resolve(path);
        if (full is null)
        {
            return null;
        }

        try
        {
            // A leading BOM is kept: callers that must skip it (the .dockerignore reader) do so themselves.
            var bytes = File.ReadAllBytes(full);
            return StrictUtf8.GetString(bytes);
        }
        catch (Exception e) when (IsIoFailure(e) || e is DecoderFallbackException)
        {
            return null;
        }
    }

    // Maps a context-relative path under the root; null when it would leave the root.
    private string? Resolve(string path)
    {
        var relative = ContextPath.Normalize(path);
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal))
        {
            return null;
        }

        return relative.Length == 0 ? _root : Path.Combine(_root, relative);
    }

    private static bool IsIoFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException;
}
