namespace DockerReorder.Analysis.Context;

/// <summary>
/// DR003's knowledge: the folders a broad copy should not bring in, and which of them a context
/// holds without its <c>.dockerignore</c> excluding them.
/// </summary>
/// <remarks>
/// Deliberate choices: <c>vendor</c> counts only as Composer's output (it holds
/// <c>autoload.php</c>) and <c>vendor/bundle</c> only next to a <c>Gemfile</c>, because Go projects
/// commit <c>vendor/</c> as source for <c>-mod=vendor</c>; <c>venv</c>/<c>env</c> count only when
/// they hold <c>pyvenv.cfg</c>; <c>target</c>, <c>bin</c>, <c>_build</c> count only beside their
/// project file and are build output (reported, never added by the fix); Yarn's <c>.yarn/cache</c>
/// is left alone because zero-install repositories commit it on purpose.
/// </remarks>
public static class VcsAndDependencyFolders
{
    // Nested folders are searched this deep and across at most this many directories, to stay cheap.
    private const int SearchDepth = 4;
    private const int SearchBudget = 5_000;

    /// <summary>Every folder DR003 knows, in the order findings and fixes list them.</summary>
    public static IReadOnlyList<IgnorableFolder> All { get; } =
    [
        new(".git", IgnorableFolderKind.VersionControl, "git", ".git", false, null, []),
        new(".hg", IgnorableFolderKind.VersionControl, "Mercurial", ".hg", false, null, []),
        new(".svn", IgnorableFolderKind.VersionControl, "Subversion", ".svn", false, null, []),
        new("node_modules", IgnorableFolderKind.Dependencies, "Node", "**/node_modules", true, null, []),
        new("bower_components", IgnorableFolderKind.Dependencies, "Bower", "bower_components", false, null, []),
        new(".venv", IgnorableFolderKind.Dependencies, "Python", ".venv", false, null, []),
        new("venv", IgnorableFolderKind.Dependencies, "Python", "venv", false, "pyvenv.cfg", []),
        new("env", IgnorableFolderKind.Dependencies, "Python", "env", false, "pyvenv.cfg", []),
        new(".tox", IgnorableFolderKind.Dependencies, "Python", ".tox", false, null, []),
        new("__pycache__", IgnorableFolderKind.Cache, "Python", "**/__pycache__", true, null, []),
        new(".pytest_cache", IgnorableFolderKind.Cache, "Python", ".pytest_cache", false, null, []),
        new(".mypy_cache", IgnorableFolderKind.Cache, "Python", ".mypy_cache", false, null, []),
        new(".ruff_cache", IgnorableFolderKind.Cache, "Python", ".ruff_cache", false, null, []),
        new("vendor", IgnorableFolderKind.Dependencies, "Composer", "vendor", false, "autoload.php", ["composer.json"]),
        new("vendor/bundle", IgnorableFolderKind.Dependencies, "Bundler", "vendor/bundle", false, null, []),
        new("obj", IgnorableFolderKind.Dependencies, ".NET", "**/obj", true, null, ["*.csproj", "*.fsproj", "*.vbproj"]),
        new("bin", IgnorableFolderKind.BuildOutput, ".NET", "**/bin", true, null, ["*.csproj", "*.fsproj", "*.vbproj"]),
        new(".gradle", IgnorableFolderKind.Cache, "Gradle", ".gradle", false, null, ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"]),
        new("deps", IgnorableFolderKind.Dependencies, "Mix", "deps", false, null, ["mix.exs"]),
        new("_build", IgnorableFolderKind.BuildOutput, "Mix", "_build", false, null, ["mix.exs"]),
        new("target", IgnorableFolderKind.BuildOutput, "Cargo/Maven", "target", false, null, ["Cargo.toml", "pom.xml"]),
    ];

    /// <summary>
    /// The known folders present in the context that a broad copy would bring in, at least partly
    /// (something below them is sent). Root-level folders are checked directly; those marked
    /// <see cref="IgnorableFolder.AnyDepth"/> are also searched a few levels down. Sorted by the
    /// order of <see cref="All"/>, then by path.
    /// </summary>
    public static IReadOnlyList<IgnorableFolderFinding> FindNotExcluded(BuildContext context)
    {
        var findings = new List<IgnorableFolderFinding>();
        // The search for node_modules lists the root anyway: list it first, so that a file system that answers
        // absent names from its listings needs no system call for .git, .hg, .svn and the other root names.
        context.FileSystem.ListDirectory(string.Empty);
        for (var order = 0; order < All.Count; order++)
        {
            var folder = All[order];
            if (folder.Name == "vendor/bundle" && !context.FileSystem.FileExists("Gemfile"))
            {
                continue;
            }

            var paths = folder.AnyDepth ? FindAtAnyDepth(context, folder.Name) : [folder.Name];
            foreach (var path in paths)
            {
                if (Qualifies(context, folder, path))
                {
                    findings.Add(new IgnorableFolderFinding(folder, path));
                }
            }
        }

        return findings;
    }

    private static bool Qualifies(BuildContext context, IgnorableFolder folder, string path)
    {
        var files = context.FileSystem;
        if (!files.DirectoryExists(path))
        {
            return false;
        }

        if (folder.MarkerInside is not null && !files.FileExists(ContextPath.Combine(path, folder.MarkerInside)))
        {
            return false;
        }

        if (folder.ProjectFilesBeside.Count > 0)
        {
            var slash = path.LastIndexOf('/');
            var parent = slash < 0 ? string.Empty : path[..slash];
            var beside = files.ListDirectory(parent);
            var hasProjectFile = beside.Any(entry => !entry.IsDirectory && folder.ProjectFilesBeside.Any(pattern =>
                GoFilepathPattern.TryMatch(pattern, entry.Name, out var matches) && matches));
            if (!hasProjectFile)
            {
                return false;
            }
        }

        return context.HasIncludedEntriesUnder(path);
    }

    // Breadth-first over real directories, not entering known folders or subtrees the ignore file drops entirely.
    private static List<string> FindAtAnyDepth(BuildContext context, string name)
    {
        var found = new List<string>();
        var level = new List<string> { string.Empty };
        var budget = SearchBudget;
        for (var depth = 0; depth < SearchDepth && level.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var directory in level)
            {
                if (--budget < 0)
                {
                    found.Sort(string.CompareOrdinal);
                    return found;
                }

                foreach (var entry in context.FileSystem.ListDirectory(directory))
                {
                    if (!entry.IsDirectory)
                    {
                        continue;
                    }

                    var path = ContextPath.Combine(directory, entry.Name);
                    if (entry.Name == name)
                    {
                        found.Add(path);
                    }
                    else if (!IsKnownFolderName(entry.Name) && context.DockerIgnore.CouldIncludeAnythingUnder(path))
                    {
                        next.Add(path);
                    }
                }
            }

            level = next;
        }

        found.Sort(string.CompareOrdinal);
        return found;
    }

    private static bool IsKnownFolderName(string name) =>
        All.Any(folder => folder.Name == name && folder.Kind != IgnorableFolderKind.BuildOutput)
        || name is ".git" or ".hg" or ".svn";
}
