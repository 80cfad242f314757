using Microsoft.Extensions.FileSystemGlobbing;

namespace DockerReorder.Cli.Discovery;

/// <summary>
/// Turns the command line's paths (files, folders, globs) into the list of Dockerfiles to process.
/// Folders are walked without following symbolic links and without entering <c>.git</c>,
/// <c>node_modules</c>, <c>bin</c> or <c>obj</c>; files found there must match a Dockerfile name
/// pattern and no exclude glob. A file named explicitly is always taken (a symlink to a file too).
/// </summary>
public sealed class DockerfileDiscovery
{
    private readonly string _workingDirectory;
    private readonly List<string> _includePatterns;
    private readonly Matcher? _excludes;
    private Matcher? _names;

    /// <summary>Discovery relative to <paramref name="workingDirectory"/>, with extra name patterns and exclude globs (both relative to it; a pattern without <c>/</c> matches at any depth).</summary>
    public DockerfileDiscovery(string workingDirectory, IEnumerable<string> includePatterns, IEnumerable<string> excludePatterns)
    {
        _workingDirectory = Path.GetFullPath(workingDirectory);
        _includePatterns = includePatterns.ToList();
        var excludes = excludePatterns.ToList();
        if (excludes.Count > 0)
        {
            _excludes = new Matcher(StringComparison.Ordinal);
            foreach (var pattern in excludes)
            {
                _excludes.AddInclude(AnyDepth(pattern));
                _excludes.AddInclude(AnyDepth(pattern).TrimEnd('/') + "/**"); // a folder pattern excludes what is inside
            }
        }
    }

    // "Dockerfile" means any file of that name at any depth; "docker/Dockerfile" is anchored.
    private static string AnyDepth(string pattern)
    {
        var p = pattern.Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal)) return p[2..];
        if (p.StartsWith('/')) return p[1..];
        return p.Contains('/') ? p : "**/" + p;
    }

    /// <summary>Resolves <paramref name="paths"/> (none: the working directory).</summary>
    public DiscoveryResult Discover(IReadOnlyList<string> paths)
    {
        var files = new Dictionary<string, DiscoveredFile>(StringComparer.Ordinal);
        var errors = new List<string>();
        if (paths.Count == 0) paths = ["."];
        var named = NamedFiles(paths);
        for (int i = 0; i < paths.Count; i++)
        {
            var argument = paths[i];
            var full = named[i].FullPath;
            if (named[i].DisplayPath is { } display)
            {
                files.TryAdd(full, new DiscoveredFile(display, full, Explicit: true));
            }
            else if (Directory.Exists(full))
            {
                Walk(full, files);
            }
            else if (argument.AsSpan().IndexOfAny("*?[") >= 0)
            {
                if (!ExpandGlob(argument, files)) errors.Add($"{argument}: no such file or directory");
            }
            else
            {
                errors.Add($"{argument}: no such file or directory");
            }
        }
        var ordered = files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
        return new DiscoveryResult(ordered, errors);
    }

    // Each argument's full path, and its display path when it names a file. With thousands of arguments (xargs) the
    // stat and path work was a serial tenth of the run before any file was processed: the cores share it now.
    private (string FullPath, string? DisplayPath)[] NamedFiles(IReadOnlyList<string> paths)
    {
        var named = new (string FullPath, string? DisplayPath)[paths.Count];
        void Resolve(int i)
        {
            var full = Path.GetFullPath(paths[i], _workingDirectory);
            named[i] = (full, File.Exists(full) ? DisplayPathOf(full) : null);
        }

        if (paths.Count < ParallelNamedFiles)
        {
            for (int i = 0; i < paths.Count; i++) Resolve(i);
        }
        else
        {
            Processing.ParallelLoop.For(paths.Count, Resolve);
        }
        return named;
    }

    private const int ParallelNamedFiles = 64;

    private void Add(Dictionary<string, DiscoveredFile> files, string fullPath, bool explicitFile)
    {
        if (files.ContainsKey(fullPath)) return;
        files[fullPath] = new DiscoveredFile(DisplayPathOf(fullPath), fullPath, explicitFile);
    }

    /// <summary>The path relative to the working directory when it lies under it, else absolute; always with <c>/</c>.</summary>
    public string DisplayPathOf(string fullPath)
    {
        if (PlainPathUnderWorkingDirectory(fullPath) is { } under) return under;
        var relative = Path.GetRelativePath(_workingDirectory, fullPath);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
        return shown.Replace(Path.DirectorySeparatorChar, '/');
    }

    // The common case without Path.GetRelativePath's work (Unix): a full path below the working directory whose rest
    // has no ".", ".." or empty segment, no trailing "/" and no NUL is shown as that rest, which is what GetRelativePath
    // gives. Null for anything else.
    private string? PlainPathUnderWorkingDirectory(string fullPath)
    {
        if (OperatingSystem.IsWindows()) return null;
        var root = _workingDirectory.AsSpan().TrimEnd('/');
        if (fullPath.Length <= root.Length + 1 || !fullPath.AsSpan().StartsWith(root, StringComparison.Ordinal) || fullPath[root.Length] != '/')
            return null;
        var rest = fullPath.AsSpan(root.Length + 1);
        if (rest.StartsWith("..", StringComparison.Ordinal) || rest.Contains('\0')) return null;
        foreach (var segment in rest.Split('/'))
        {
            var name = rest[segment];
            if (name.Length == 0 || name is "." or "..") return null;
        }
        return fullPath[(root.Length + 1)..];
    }

    private void Walk(string root, Dictionary<string, DiscoveredFile> files)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().ToList(); }
            catch (UnauthorizedAccessException) { continue; }
            catch (IOException) { continue; }
            foreach (var entry in entries)
            {
                if (entry.LinkTarget is not null) continue; // symbolic links are not followed during discovery
                if (entry is DirectoryInfo)
                {
                    if (!DockerfileNames.SkippedFolders.Contains(entry.Name)) pending.Push(entry.FullName);
                }
                else if (IsDockerfile(entry.FullName, root))
                {
                    Add(files, entry.FullName, explicitFile: false);
                }
            }
        }
    }

    // Patterns are relative to the working directory, or to the walked folder when it lies outside it.
    private bool IsDockerfile(string fullPath, string root)
    {
        var relative = Path.GetRelativePath(_workingDirectory, fullPath);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) relative = Path.GetRelativePath(root, fullPath);
        relative = relative.Replace(Path.DirectorySeparatorChar, '/');
        bool named = _includePatterns.Count == 0 ? DockerfileNames.IsDefaultName(Path.GetFileName(fullPath)) : Names.Match(relative).HasMatches;
        return named && !IsExcluded(relative);
    }

    // Built on first use: files named on the command line never need it.
    private Matcher Names
    {
        get
        {
            if (_names is null)
            {
                var names = new Matcher(StringComparison.Ordinal);
                foreach (var pattern in DockerfileNames.DefaultPatterns.Concat(_includePatterns)) names.AddInclude(AnyDepth(pattern));
                _names = names;
            }
            return _names;
        }
    }

    /// <summary>True when an exclude glob matches the working-directory-relative <paramref name="relativePath"/>.</summary>
    public bool IsExcluded(string relativePath) =>
        _excludes is not null && _excludes.Match(relativePath.Replace('\\', '/')).HasMatches;

    // A glob on the command line: walk from its literal prefix, keep Dockerfiles the glob matches.
    private bool ExpandGlob(string argument, Dictionary<string, DiscoveredFile> files)
    {
        var pattern = argument.Replace('\\', '/');
        var segments = pattern.Split('/');
        int literal = 0;
        while (literal < segments.Length - 1 && segments[literal].AsSpan().IndexOfAny("*?[") < 0) literal++;
        var baseDir = Path.GetFullPath(string.Join('/', segments.Take(literal)) is { Length: > 0 } b ? b : ".", _workingDirectory);
        if (!Directory.Exists(baseDir)) return false;
        var glob = new Matcher(StringComparison.Ordinal);
        glob.AddInclude(string.Join('/', segments.Skip(literal)));
        var found = new Dictionary<string, DiscoveredFile>(StringComparer.Ordinal);
        Walk(baseDir, found);
        bool any = false;
        foreach (var file in found.Values)
        {
            var relative = Path.GetRelativePath(baseDir, file.FullPath).Replace(Path.DirectorySeparatorChar, '/');
            if (!glob.Match(relative).HasMatches) continue;
            any = true;
            Add(files, file.FullPath, explicitFile: false);
        }
        return any;
    }
}
