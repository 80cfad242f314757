using DockerReorder.Cli.Discovery;

namespace DockerReorder.Cli.Tests.Discovery;

/// <summary>Which files discovery picks up, in which order.</summary>
public sealed class DockerfileDiscoveryTests
{
    private static List<string> Found(string root, IReadOnlyList<string> paths, string[]? include = null, string[]? exclude = null) =>
        new DockerfileDiscovery(root, include ?? [], exclude ?? []).Discover(paths).Files.Select(f => f.DisplayPath).ToList();

    /// <summary>The six name patterns match at any depth; other files do not.</summary>
    [Fact]
    public void Finds_the_dockerfile_name_patterns_at_any_depth()
    {
        using var t = new TempFolder();
        foreach (var f in new[] { "Dockerfile", "svc/Dockerfile.prod", "svc/api.Dockerfile", "web/web.dockerfile", "Containerfile", "x/Containerfile.dev", "README.md", "docker-compose.yml", "x/DockerfileX" })
            t.Write(f, "FROM a\n");
        Assert.Equal(["Containerfile", "Dockerfile", "svc/Dockerfile.prod", "svc/api.Dockerfile", "web/web.dockerfile", "x/Containerfile.dev"], Found(t.Path, []));
    }

    /// <summary>.git, node_modules, bin and obj are never entered.</summary>
    [Fact]
    public void Skips_vcs_and_build_output_folders()
    {
        using var t = new TempFolder();
        foreach (var f in new[] { ".git/Dockerfile", "node_modules/p/Dockerfile", "src/bin/Dockerfile", "src/obj/Dockerfile", "src/Dockerfile" }) t.Write(f, "FROM a\n");
        Assert.Equal(["src/Dockerfile"], Found(t.Path, ["."]));
    }

    /// <summary>--exclude globs skip files and whole folders; --include adds name patterns.</summary>
    [Fact]
    public void Exclude_and_include_patterns()
    {
        using var t = new TempFolder();
        foreach (var f in new[] { "a/Dockerfile", "vendor/x/Dockerfile", "b/Dockerfile.old", "c/build.df" }) t.Write(f, "FROM a\n");
        Assert.Equal(["a/Dockerfile", "c/build.df"], Found(t.Path, [], include: ["*.df"], exclude: ["vendor", "*.old"]));
    }

    /// <summary>Output order is ordinal by path, whatever order the arguments and the file system give.</summary>
    [Fact]
    public void Order_is_ordinal_and_duplicates_collapse()
    {
        using var t = new TempFolder();
        foreach (var f in new[] { "b/Dockerfile", "B/Dockerfile", "a/Dockerfile", "a/Dockerfile.z" }) t.Write(f, "FROM a\n");
        Assert.Equal(["B/Dockerfile", "a/Dockerfile", "a/Dockerfile.z", "b/Dockerfile"], Found(t.Path, ["b", "a/Dockerfile", ".", "a"]));
    }

    /// <summary>A file named on the command line is taken whatever its name; a missing path is an error line.</summary>
    [Fact]
    public void Explicit_files_are_taken_and_missing_paths_reported()
    {
        using var t = new TempFolder();
        t.Write("build/image.txt", "FROM a\n");
        var result = new DockerfileDiscovery(t.Path, [], []).Discover(["build/image.txt", "nope"]);
        Assert.Equal(["build/image.txt"], result.Files.Select(f => f.DisplayPath));
        Assert.True(result.Files[0].Explicit);
        Assert.Equal(["nope: no such file or directory"], result.Errors);
    }

    /// <summary>Symbolic links (to files and to folders) are not followed while walking; a link named explicitly is taken.</summary>
    [Fact]
    public void Symlinks_are_not_followed_during_discovery()
    {
        using var t = new TempFolder();
        t.Write("real/Dockerfile", "FROM a\n");
        File.CreateSymbolicLink(Path.Combine(t.Path, "Dockerfile"), Path.Combine(t.Path, "real/Dockerfile"));
        Directory.CreateSymbolicLink(Path.Combine(t.Path, "linked"), Path.Combine(t.Path, "real"));
        Assert.Equal(["real/Dockerfile"], Found(t.Path, []));
        Assert.Equal(["Dockerfile"], Found(t.Path, ["Dockerfile"]));
    }

    /// <summary>A glob argument walks from its literal prefix and keeps the Dockerfiles it matches.</summary>
    [Fact]
    public void Glob_arguments_expand()
    {
        using var t = new TempFolder();
        foreach (var f in new[] { "services/a/Dockerfile", "services/b/Dockerfile", "services/b/notes.txt", "other/Dockerfile" }) t.Write(f, "FROM a\n");
        Assert.Equal(["services/a/Dockerfile", "services/b/Dockerfile"], Found(t.Path, ["services/**/*"]));
    }

    /// <summary>Display paths made without Path.GetRelativePath (a plain path below the working directory) equal the ones made with it.</summary>
    [Theory]
    [InlineData("/work/repo")]
    [InlineData("/work/repo/")]
    [InlineData("/")]
    public void Display_paths_equal_the_relative_path_computation(string workingDirectory)
    {
        var discovery = new DockerfileDiscovery(workingDirectory, [], []);
        string[] paths =
        [
            "/work/repo/Dockerfile", "/work/repo/a/b/Dockerfile", "/work/repo/..a/Dockerfile", "/work/repo/a/../Dockerfile", "/work/repo/a/./Dockerfile",
            "/work/repo//a/Dockerfile", "/work/repo/a/", "/work/repo", "/work/repo2/Dockerfile", "/work/Dockerfile", "/other/x/Dockerfile",
            "/work/repo/...", "/work/repo/a b/Dockerfile", "/work/repo/é/Dockerfile", "/work/repo/a\\b/Dockerfile", "/Dockerfile",
        ];
        var root = Path.GetFullPath(workingDirectory);
        foreach (var path in paths)
        {
            var relative = Path.GetRelativePath(root, path);
            var expected = (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace(Path.DirectorySeparatorChar, '/');
            Assert.Equal(expected, discovery.DisplayPathOf(path));
        }
    }

    /// <summary>Thousands of named files (resolved on every core) come out as one at a time would, errors in argument order.</summary>
    [Fact]
    public void Many_named_files_resolve_as_one_by_one()
    {
        using var t = new TempFolder();
        var arguments = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            t.Write($"many/{i:D3}/Dockerfile", "FROM a\n");
            arguments.Add(i % 50 == 7 ? $"many/{i:D3}/missing" : i % 3 == 0 ? $"./many/{i:D3}/../{i:D3}/Dockerfile" : $"many/{i:D3}/Dockerfile");
        }
        arguments.Add("many/000/Dockerfile");
        arguments.Add("many/001");
        var discovery = new DockerfileDiscovery(t.Path, [], []);
        var all = discovery.Discover(arguments);
        var oneByOne = arguments.Select(a => discovery.Discover([a])).ToList();
        var expectedFiles = oneByOne.SelectMany(r => r.Files).DistinctBy(f => f.FullPath).OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFiles, all.Files);
        Assert.Equal(oneByOne.SelectMany(r => r.Errors), all.Errors);
        Assert.Equal(6, all.Errors.Count);
    }
}

