using System.IO.Enumeration;
using System.Text;
using DockerReorder.Analysis.Context;
using DockerReorder.Cli.Files;

namespace DockerReorder.Cli.Context;

/// <summary>
/// A build context over a real directory. Symbolic links are reported as Docker sends them:
/// a link to a file counts as a file (its target's text is read), while a link to a directory is
/// listed as a non-directory entry and never followed, because Docker transfers it as a link, not
/// as the tree it points to. A dangling link is neither a file nor a directory (it is listed, but
/// has no text). Text is strict UTF-8: a file with invalid bytes reads as null (its content cannot be
/// reasoned about). Every I/O failure (missing, unreadable, a path escaping the root)
/// answers "not there" or null; nothing here throws on I/O errors.
/// Listings are read once per directory and then also answer for the names a directory lacks, so the
/// many absent names the rules ask about cost no system call, and a path a probe found nothing at is
/// not asked about again; an instance is meant for one analysis,
/// on one thread at a time (files changed meanwhile may not be seen).
/// </summary>
public sealed class FileSystemContext : IContextFileSystem
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _root;
    private readonly Dictionary<string, IReadOnlyList<ContextEntry>> _listings = new(StringComparer.Ordinal);

    // The names in each folder listed in full (context-relative), for answering absent names without a system call.
    private readonly Dictionary<string, HashSet<string>> _names = new(StringComparer.Ordinal);

    // Paths a probe found nothing at (context-relative): a COPY source is asked as a directory, then as a file.
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    /// <summary>Opens the context rooted at <paramref name="rootDirectory"/>.</summary>
    public FileSystemContext(string rootDirectory)
    {
        _root = Path.GetFullPath(rootDirectory);
    }

    /// <summary>The absolute path of the context root.</summary>
    public string RootDirectory => _root;

    /// <summary>Forgets every listing read so far (call it after writing into the context).</summary>
    public void Forget()
    {
        _listings.Clear();
        _names.Clear();
        _missing.Clear();
    }

    /// <inheritdoc />
    public bool FileExists(string path)
    {
        // The known-missing check first: it needs no full path, and most probes end there.
        if (!InsideRoot(path, out var relative) || IsKnownMissing(relative) || FullPathOf(relative) is var full && NothingAt(full, relative))
        {
            return false;
        }

        try
        {
            // File.Exists is true for a dangling link too: resolve the link and test its final target.
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                RememberIfMissing(info, relative);
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
        if (!InsideRoot(path, out var relative) || IsKnownMissing(relative) || FullPathOf(relative) is var full && NothingAt(full, relative))
        {
            return false;
        }

        try
        {
            var info = new DirectoryInfo(full);
            if (!info.Exists)
            {
                RememberIfMissing(info, relative);
                return false;
            }

            return info.LinkTarget is null;
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ContextEntry> ListDirectory(string path)
    {
        var full = Resolve(path, out var relative);
        if (full is null)
        {
            return [];
        }

        if (!_listings.TryGetValue(relative, out var listing))
        {
            listing = ReadListing(full, relative);
            _listings[relative] = listing;
        }

        return listing;
    }

    private IReadOnlyList<ContextEntry> ReadListing(string full, string relative)
    {
        try
        {
            // One lstat answers both (a link's attributes carry ReparsePoint), where LinkTarget made a readlink too.
            var directory = new DirectoryInfo(full);
            if (!directory.Exists || (directory.Attributes & FileAttributes.ReparsePoint) != 0)
            {
                return [];
            }

            // Entries straight from the listing: a file costs no system call (a FileSystemInfo per entry made an lstat,
            // and a readlink per folder); only a folder's attributes are read, to tell a link to a folder from a folder.
            var entries = new List<ContextEntry>();
            foreach (var entry in new FileSystemEnumerable<ContextEntry>(full, ToContextEntry, ListingOptions))
            {
                entries.Add(entry);
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            var names = new HashSet<string>(entries.Count, StringComparer.Ordinal);
            foreach (var entry in entries) names.Add(entry.Name);
            _names[relative] = names;

            return entries;
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            return [];
        }
    }

    // What DirectoryInfo.EnumerateFileSystemInfos() used: every entry, hidden and system ones too, errors not skipped.
    private static readonly EnumerationOptions ListingOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    // A link to a folder is listed as a non-directory entry (never followed), as Docker sends it.
    private static ContextEntry ToContextEntry(ref FileSystemEntry entry) =>
        new(entry.FileName.ToString(), entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0);

    /// <inheritdoc />
    public string? ReadAllText(string path)
    {
        var full = Resolve(path, out var relative);
        if (full is null || IsKnownMissing(relative))
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
    private string? Resolve(string path, out string relative) => InsideRoot(path, out relative) ? FullPathOf(relative) : null;

    // The path made context-relative; false when it would leave the root.
    private static bool InsideRoot(string path, out string relative)
    {
        relative = ContextPath.Normalize(path);
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal);
    }

    private string FullPathOf(string relative) => relative.Length == 0 ? _root : Path.Combine(_root, relative);

    // Nothing at all is there (not a file, a directory or a link; the stat that said so is cached by the info): every
    // later question about the path has the same answer, so it needs no second system call.
    private void RememberIfMissing(FileSystemInfo info, string relative)
    {
        if (info.Attributes == (FileAttributes)(-1) && relative.Length > 0)
        {
            _missing.Add(relative);
        }
    }

    // Linux: one short system call (a path relative to the current directory, no status to fill) finds the absent
    // paths most probes ask about; "nothing at all" is exactly what makes the full probe answer false and remember the path.
    private bool NothingAt(string full, string relative)
    {
        if (!OperatingSystem.IsLinux() || relative.Length == 0 || !PosixFileCalls.NothingAt(KernelPaths.Shorten(full)))
        {
            return false;
        }

        _missing.Add(relative);
        return true;
    }

    // True when the parent folder was listed and lacks this name: the listing opened the folder as the stat would
    // (through symbolic links on the way), so it holds every name the stat can find. Also true for a path a probe
    // found nothing at.
    private bool IsKnownMissing(string relative)
    {
        if (relative.Length == 0)
        {
            return false;
        }

        if (_missing.Count > 0 && _missing.Contains(relative))
        {
            return true;
        }

        // Looked up as spans: cutting the parent and the name out as strings was most of what a probe allocated.
        var slash = relative.LastIndexOf('/');
        var parent = slash < 0 ? ReadOnlySpan<char>.Empty : relative.AsSpan(0, slash);
        return _names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(parent, out var names)
            && !names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(relative.AsSpan(slash + 1));
    }

    private static bool IsIoFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException;
}
