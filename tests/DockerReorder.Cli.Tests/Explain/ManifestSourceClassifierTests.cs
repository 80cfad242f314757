using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Explain;

namespace DockerReorder.Cli.Tests.Explain;

/// <summary>Which COPY sources can hold only manifests (and so survive a source-only edit).</summary>
public sealed class ManifestSourceClassifierTests
{
    private sealed class Files(params string[] paths) : IContextFileSystem
    {
        public bool FileExists(string path) => paths.Contains(path);
        public bool DirectoryExists(string path) => path.Length == 0 || paths.Any(p => p.StartsWith(path + "/", StringComparison.Ordinal));
        public IReadOnlyList<ContextEntry> ListDirectory(string path) =>
            paths.Where(p => path.Length == 0 ? true : p.StartsWith(path + "/", StringComparison.Ordinal))
                 .Select(p => path.Length == 0 ? p : p[(path.Length + 1)..])
                 .Select(rest => rest.Contains('/') ? new ContextEntry(rest[..rest.IndexOf('/')], true) : new ContextEntry(rest, false))
                 .Distinct().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        public string? ReadAllText(string path) => null;
    }

    /// <summary>Without a context: names and manifest-like wildcards.</summary>
    [Theory]
    [InlineData(".", false)]
    [InlineData("./", false)]
    [InlineData("src/", false)]
    [InlineData("main.py", false)]
    [InlineData("*.py", false)]
    [InlineData("*.json", false)]
    [InlineData("requirements.txt", true)]
    [InlineData("./requirements-dev.txt", true)]
    [InlineData("package*.json", true)]
    [InlineData("app/package.json", true)]
    [InlineData("*.csproj", true)]
    [InlineData("deps.lock", true)]
    public void Classifies_without_a_context(string source, bool manifestOnly) =>
        Assert.Equal(manifestOnly, new ManifestSourceClassifier(["deps.lock"], null).IsManifestOnly(source));

    /// <summary>With a context: wildcards expand, and a name that is a folder is broad.</summary>
    [Fact]
    public void Expands_wildcards_in_the_context()
    {
        var c = new ManifestSourceClassifier([], new Files("package.json", "package-lock.json", "src/index.js", "go.mod", "go.sum", "gosrc/main.go"));
        Assert.True(c.IsManifestOnly("package*.json"));
        Assert.True(c.IsManifestOnly("go.*"));
        Assert.False(c.IsManifestOnly("go*"));
        Assert.False(c.IsManifestOnly("src"));
    }

    /// <summary>A manifest folder the fix copies whole (gradle/, .mvn/, .yarn/releases) survives a source edit; another folder does not.</summary>
    [Fact]
    public void A_manifest_folder_is_manifest_only_and_another_folder_is_not()
    {
        var c = new ManifestSourceClassifier([], new Files("gradle/wrapper/gradle-wrapper.properties", ".mvn/wrapper/maven-wrapper.properties", ".yarn/releases/yarn-4.1.0.cjs", "build-logic/build.gradle", "src/Main.java"));
        Assert.True(c.IsManifestOnly("gradle"));
        Assert.True(c.IsManifestOnly("gradle/"));
        Assert.True(c.IsManifestOnly(".mvn"));
        Assert.True(c.IsManifestOnly(".yarn/releases"));
        Assert.False(c.IsManifestOnly("build-logic"));
        Assert.False(c.IsManifestOnly("src"));
        Assert.False(new ManifestSourceClassifier([], new Files("src/Main.java")).IsManifestOnly("gradle")); // not in this context
    }

    /// <summary>A file a fix copied as an install's manifest (a pnpmfile named in pnpm-workspace.yaml) counts as one, by its path only.</summary>
    [Fact]
    public void A_file_the_fix_copied_as_a_manifest_is_manifest_only()
    {
        var c = new ManifestSourceClassifier([], new Files("config/hooks.cjs", "config/app.cjs", "server.js"));
        Assert.False(c.IsManifestOnly("config/hooks.cjs"));
        var after = c.WithManifestPaths(["config/hooks.cjs"]);
        Assert.True(after.IsManifestOnly("config/hooks.cjs"));
        Assert.True(after.IsManifestOnly("./config/hooks.cjs"));
        Assert.False(after.IsManifestOnly("config/app.cjs"));
        Assert.False(after.IsManifestOnly("config"));
        Assert.False(after.IsManifestOnly("hooks.cjs"));
    }

    /// <summary>A folder that holds only manifests in the context (cookiecutter-django's requirements/) survives a source edit, and so do the files in it.</summary>
    [Fact]
    public void A_folder_of_requirements_files_is_manifest_only()
    {
        var c = new ManifestSourceClassifier([], new Files("requirements/base.txt", "requirements/production.txt", "web/package.json", "web/index.js", "lib/setup.cfg", "lib/pkg/__init__.py", "manage.py"));
        Assert.True(c.IsManifestOnly("./requirements"));
        Assert.True(c.IsManifestOnly("requirements/"));
        Assert.True(c.IsManifestOnly("requirements/base.txt"));
        Assert.True(c.IsManifestOnly("requirements/*.txt"));
        Assert.False(c.IsManifestOnly("web")); // source beside its package.json
        Assert.False(c.IsManifestOnly("lib/"));
        Assert.False(c.IsManifestOnly("."));
    }

    /// <summary>The single-segment glob used for names.</summary>
    [Theory]
    [InlineData("requirements*.txt", "requirements.txt", true)]
    [InlineData("requirements*.txt", "requirements-dev.txt", true)]
    [InlineData("*.csproj", "App.csproj", true)]
    [InlineData("?o.mod", "go.mod", true)]
    [InlineData("*.csproj", "App.csproj.user", false)]
    public void Glob_matching(string pattern, string name, bool matches) => Assert.Equal(matches, ManifestSourceClassifier.GlobMatch(pattern, name));
}
