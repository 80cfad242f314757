using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Explain;

/// <summary>
/// Decides whether a <c>COPY</c> source can contain only dependency manifests (so a source-only edit
/// leaves it cached). The context root never can; another folder can when, in the context, it holds only
/// manifests (<c>requirements/</c>). A file name is a manifest when it
/// matches a known manifest pattern or an extra name. A wildcard is expanded in the build context
/// when there is one (manifest-only when everything it matches is a manifest); without a context it
/// counts as manifest-only when it is a manifest pattern or starts like one (<c>package*.json</c>).
/// </summary>
public sealed class ManifestSourceClassifier
{
    private readonly IReadOnlyList<string> _patterns;
    private readonly IContextFileSystem? _context;
    private readonly HashSet<string> _manifestPaths = new(StringComparer.Ordinal);

    /// <summary>A classifier with <paramref name="extraManifestNames"/> added to the known names; <paramref name="context"/> may be null.</summary>
    public ManifestSourceClassifier(IEnumerable<string> extraManifestNames, IContextFileSystem? context)
    {
        _patterns = extraManifestNames.ToList();
        _context = context;
    }

    /// <summary>
    /// This classifier, also counting the context files at <paramref name="contextPaths"/> as manifests: the files a fix
    /// copied as an install's manifests, which no name marks (<c>config/hooks.cjs</c> named as the pnpmfile).
    /// </summary>
    public ManifestSourceClassifier WithManifestPaths(IEnumerable<string> contextPaths)
    {
        var classifier = new ManifestSourceClassifier(_patterns, _context);
        classifier._manifestPaths.UnionWith(_manifestPaths);
        classifier._manifestPaths.UnionWith(contextPaths);
        return classifier;
    }

    /// <summary>True when everything <paramref name="source"/> (as written in a <c>COPY</c>) can copy is a manifest.</summary>
    public bool IsManifestOnly(string source)
    {
        var path = source.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        path = path.TrimStart('/');
        // A manifest folder (gradle/, .mvn/, .yarn/releases) changes with the build tool, not with the source: the fix copies it with the manifests.
        var folderPath = path.TrimEnd('/');
        if (folderPath.Length > 0 && Copies.ManifestNames.IsManifestFolder(folderPath) && (_context is null || _context.DirectoryExists(folderPath))) return true;
        if (path.Length == 0 || path == "." || path.EndsWith("/.", StringComparison.Ordinal)) return false;
        if (path.EndsWith('/')) return HoldsOnlyManifests(folderPath);
        int slash = path.LastIndexOf('/');
        string folder = slash < 0 ? string.Empty : path[..slash], name = path[(slash + 1)..];
        if (folder.AsSpan().IndexOfAny("*?[") >= 0) return false;
        bool wildcard = name.AsSpan().IndexOfAny("*?[") >= 0;
        if (!wildcard)
        {
            if (_context is not null && _context.DirectoryExists(path)) return HoldsOnlyManifests(path);
            // A file of a manifest folder (Yarn 1's yarn-path release, .yarn/releases/yarn-1.22.19.cjs) changes with the tool, like the folder.
            return IsManifestPath(path) || folder.Length > 0 && Copies.ManifestNames.IsManifestFolder(folder) || _manifestPaths.Contains(path);
        }
        if (_context is not null && _context.DirectoryExists(folder))
        {
            var matches = _context.ListDirectory(folder).Where(e => GlobMatch(name, e.Name)).ToList();
            return matches.All(e => !e.IsDirectory && IsManifestPath(folder.Length == 0 ? e.Name : folder + "/" + e.Name));
        }
        int firstWildcard = name.AsSpan().IndexOfAny("*?[");
        return IsManifestName(name) ||
               (firstWildcard > 0 && Copies.ManifestNames.PatternTargetsManifests(name, _patterns));
    }

    /// <summary>True when the context file at <paramref name="path"/> is a manifest: by its name, or by its folder (<c>requirements/base.txt</c>, <c>.cargo/config.toml</c>).</summary>
    public bool IsManifestPath(string path) => Copies.ManifestNames.IsManifestPath(path) || IsManifestName(path[(path.LastIndexOf('/') + 1)..]);

    /// <summary>How many context entries <see cref="HoldsOnlyManifests"/> looks at before it gives up.</summary>
    private const int FolderBudget = 200;

    // A folder holding only manifests (cookiecutter-django's `COPY ./requirements .`) changes only when one of them does;
    // one with a project root (package.json, go.mod) is where source lives, as for the broad-copy test.
    private bool HoldsOnlyManifests(string folder)
    {
        if (_context is null || folder.Length == 0 || !_context.DirectoryExists(folder)) return false;
        int seen = 0;
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            foreach (var entry in _context.ListDirectory(directory))
            {
                if (++seen > FolderBudget) return false;
                var path = directory + "/" + entry.Name;
                if (entry.IsDirectory) { pending.Push(path); continue; }
                if (!IsManifestPath(path) || Copies.ManifestNames.IsProjectRoot(entry.Name)) return false;
            }
        }
        return seen > 0;
    }

    /// <summary>True when <paramref name="fileName"/> matches a manifest pattern.</summary>
    public bool IsManifestName(string fileName) => Copies.ManifestNames.IsManifest(fileName) || _patterns.Any(p => GlobMatch(p, fileName));

    /// <summary>Matches <paramref name="name"/> against a single-segment glob with <c>*</c> and <c>?</c> (a <c>[</c> class matches any one character).</summary>
    public static bool GlobMatch(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '[')
            {
                int close = pattern.IndexOf(']', p + 1);
                if (close > p) { p = close + 1; n++; continue; }
            }
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n])) { p++; n++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = n; }
            else if (star >= 0) { p = star + 1; n = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
