namespace DockerReorder.Analysis.Context;

/// <summary>
/// The build context as a broad <c>COPY</c> sees it: the files of an <see cref="IContextFileSystem"/>
/// minus what the chosen <c>.dockerignore</c> excludes. Paths are context-relative with <c>/</c>
/// separators; <c>./x</c>, <c>/x</c> and <c>x/</c> are accepted and normalised.
/// Directory trees are walked lazily and walks stop at the first answer.
/// </summary>
public sealed class BuildContext
{
    /// <summary>The name of the context-wide ignore file.</summary>
    public const string RootDockerIgnoreName = ".dockerignore";

    // A walk that visits more entries than this answers conservatively instead of reading a huge tree.
    private const int WalkBudget = 100_000;

    private BuildContext(IContextFileSystem fileSystem, DockerIgnore dockerIgnore, string? dockerIgnorePath)
    {
        // Every question is asked again per instruction and per fix round: answer each once.
        FileSystem = MemoizedContextFileSystem.Over(fileSystem);
        DockerIgnore = dockerIgnore;
        DockerIgnorePath = dockerIgnorePath;
    }

    /// <summary>The underlying files, ignore rules not applied (their answers remembered: the context must not change while it is analysed).</summary>
    public IContextFileSystem FileSystem { get; }

    /// <summary>The ignore rules in force (<see cref="Context.DockerIgnore.Empty"/> when there is no file).</summary>
    public DockerIgnore DockerIgnore { get; }

    /// <summary>
    /// The context-relative path of the ignore file in force (<c>.dockerignore</c> or
    /// <c>&lt;Dockerfile&gt;.dockerignore</c>), or null when there is none.
    /// </summary>
    public string? DockerIgnorePath { get; }

    /// <summary>
    /// Opens a context choosing the ignore file as BuildKit does: <c>&lt;Dockerfile path&gt;.dockerignore</c>
    /// (next to the Dockerfile, for example <c>docker/app.Dockerfile.dockerignore</c>) when it exists,
    /// even empty; otherwise <c>.dockerignore</c> at the context root; otherwise none.
    /// </summary>
    /// <param name="fileSystem">The context's files.</param>
    /// <param name="dockerfilePath">
    /// The Dockerfile's context-relative path, or null when it lies outside the context (then only the
    /// root <c>.dockerignore</c> is looked at; use <see cref="Open(IContextFileSystem, DockerIgnore?, string?)"/>
    /// to supply a Dockerfile-specific ignore file read from elsewhere).
    /// </param>
    public static BuildContext Open(IContextFileSystem fileSystem, string? dockerfilePath)
    {
        if (dockerfilePath is not null)
        {
            var specific = ContextPath.Normalize(dockerfilePath) + RootDockerIgnoreName;
            if (fileSystem.FileExists(specific))
            {
                return new BuildContext(fileSystem, ReadIgnore(fileSystem, specific), specific);
            }
        }

        if (fileSystem.FileExists(RootDockerIgnoreName))
        {
            return new BuildContext(fileSystem, ReadIgnore(fileSystem, RootDockerIgnoreName), RootDockerIgnoreName);
        }

        return new BuildContext(fileSystem, DockerIgnore.Empty, null);
    }

    /// <summary>Opens a context with ignore rules chosen by the caller (null: none).</summary>
    /// <param name="fileSystem">The context's files.</param>
    /// <param name="dockerIgnore">The ignore rules, or null for none.</param>
    /// <param name="dockerIgnorePath">Where the rules were read from, for messages and fixes; null when none.</param>
    public static BuildContext Open(IContextFileSystem fileSystem, DockerIgnore? dockerIgnore, string? dockerIgnorePath) =>
        new(fileSystem, dockerIgnore ?? DockerIgnore.Empty, dockerIgnore is null ? null : dockerIgnorePath);

    /// <summary>True when the path exists (file or directory) and the ignore file does not exclude it.</summary>
    public bool IsIncluded(string path)
    {
        var normalized = ContextPath.Normalize(path);
        if (normalized.Length == 0)
        {
            return true;
        }

        return (FileSystem.FileExists(normalized) || FileSystem.DirectoryExists(normalized))
            && !DockerIgnore.IsExcluded(normalized);
    }

    /// <summary>True when the file exists and is not excluded.</summary>
    public bool FileExists(string path)
    {
        var normalized = ContextPath.Normalize(path);
        return normalized.Length > 0 && FileSystem.FileExists(normalized) && !DockerIgnore.IsExcluded(normalized);
    }

    /// <summary>
    /// True when the directory is in the context Docker sends: it exists, and is either not excluded
    /// or holds an entry re-included by a <c>!</c> exception. The root always exists.
    /// </summary>
    public bool DirectoryExists(string path)
    {
        var normalized = ContextPath.Normalize(path);
        if (normalized.Length == 0)
        {
            return true;
        }

        return FileSystem.DirectoryExists(normalized)
            && (!DockerIgnore.IsExcluded(normalized) || HasIncludedEntriesUnder(normalized));
    }

    /// <summary>The file's text, or null when it is missing, excluded or unreadable.</summary>
    public string? ReadAllText(string path) =>
        FileExists(path) ? FileSystem.ReadAllText(ContextPath.Normalize(path)) : null;

    /// <summary>The entries of a directory that the context Docker sends contains, sorted ordinally.</summary>
    public IReadOnlyList<ContextEntry> ListDirectory(string path)
    {
        var normalized = ContextPath.Normalize(path);
        var entries = new List<ContextEntry>();
        foreach (var entry in FileSystem.ListDirectory(normalized))
        {
            if (IsSent(ContextPath.Combine(normalized, entry.Name), entry.IsDirectory))
            {
                entries.Add(entry);
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    /// <summary>
    /// Expands a <c>COPY</c>/<c>ADD</c> source wildcard as BuildKit does (fsutil's
    /// <c>copy.ResolveWildcards</c>): the segments before the first one holding a wildcard are a
    /// literal directory (taken as written, a <c>\</c> included); from there on each
    /// <c>/</c>-separated segment is a Go <c>filepath.Match</c> pattern (<c>*</c>, <c>?</c>,
    /// <c>[...]</c>, <c>\</c>; <c>**</c> is just <c>*</c>) matched against the entries Docker sends.
    /// A source without wildcards is a literal path. Returns the matching context-relative paths,
    /// sorted ordinally; empty for a malformed pattern or no match.
    /// </summary>
    /// <param name="pattern">The source as written, relative to <paramref name="baseDirectory"/>.</param>
    /// <param name="baseDirectory">The context-relative directory the pattern starts from; the root by default.</param>
    public IReadOnlyList<string> Glob(string pattern, string baseDirectory = "")
    {
        var cleaned = ContextPath.Normalize(ContextPath.Combine(ContextPath.Normalize(baseDirectory), ContextPath.Normalize(pattern)));
        if (cleaned.Length == 0 || cleaned == ".." || cleaned.StartsWith("../", StringComparison.Ordinal))
        {
            return [];
        }

        var segments = cleaned.Split('/');
        var firstWildcard = Array.FindIndex(segments, GoFilepathPattern.HasWildcards);
        if (firstWildcard < 0)
        {
            var isDirectory = FileSystem.DirectoryExists(cleaned);
            return (isDirectory || FileSystem.FileExists(cleaned)) && IsSent(cleaned, isDirectory) ? [cleaned] : [];
        }

        if (segments.Skip(firstWildcard).Any(s => !GoFilepathPattern.IsWellFormed(s)))
        {
            return [];
        }

        var literalPrefix = string.Join('/', segments.Take(firstWildcard));
        if (literalPrefix.Length > 0 && !DirectoryExists(literalPrefix))
        {
            return [];
        }

        var current = new List<string> { literalPrefix };
        for (var i = firstWildcard; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var next = new List<string>();
            foreach (var directory in current)
            {
                foreach (var entry in FileSystem.ListDirectory(directory))
                {
                    if (!last && !entry.IsDirectory)
                    {
                        continue;
                    }

                    GoFilepathPattern.TryMatch(segments[i], entry.Name, out var matches);
                    var candidate = ContextPath.Combine(directory, entry.Name);
                    if (matches && IsSent(candidate, entry.IsDirectory))
                    {
                        next.Add(candidate);
                    }
                }
            }

            current = next;
        }

        current.Sort(string.CompareOrdinal);
        return current;
    }

    /// <summary>
    /// True when a broad copy of the context brings anything under <paramref name="directory"/> into
    /// the image: some file or directory strictly below it is sent. Walks the real tree lazily,
    /// skipping subtrees the patterns prove excluded, and stops at the first entry found; beyond
    /// 100,000 visited entries it answers true (cannot prove otherwise cheaply).
    /// </summary>
    public bool HasIncludedEntriesUnder(string directory)
    {
        var root = ContextPath.Normalize(directory);
        if (!FileSystem.DirectoryExists(root) || !DockerIgnore.CouldIncludeAnythingUnder(root))
        {
            return false;
        }

        var budget = WalkBudget;
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var entry in FileSystem.ListDirectory(current))
            {
                if (--budget < 0)
                {
                    return true;
                }

                var path = ContextPath.Combine(current, entry.Name);
                if (!DockerIgnore.IsExcluded(path))
                {
                    return true;
                }

                if (entry.IsDirectory && DockerIgnore.CouldIncludeAnythingUnder(path))
                {
                    pending.Push(path);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when the ignore rules prove that nothing strictly below <paramref name="directory"/> can
    /// reach the image, whatever it contains or will contain (for example <c>node_modules</c> or
    /// <c>**/node_modules</c>, with no <c>!</c> exception below it). Reads no files.
    /// </summary>
    public bool ExcludesAll(string directory) => !DockerIgnore.CouldIncludeAnythingUnder(directory);

    private bool IsSent(string path, bool isDirectory) =>
        !DockerIgnore.IsExcluded(path) || (isDirectory && HasIncludedEntriesUnder(path));

    private static DockerIgnore ReadIgnore(IContextFileSystem fileSystem, string path)
    {
        var text = fileSystem.ReadAllText(path);
        return text is null ? DockerIgnore.Unreadable(path) : DockerIgnore.Parse(text);
    }
}
