using DockerReorder.Analysis.Context;
using DockerReorder.Cli.Context;

namespace DockerReorder.Cli.Tests.Context;

/// <summary>The build context over a real directory (a fresh temporary tree per test).</summary>
public sealed class FileSystemContextTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docker-reorder-context-").FullName;

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in new DirectoryInfo(_root).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                if (file.LinkTarget is null)
                {
                    file.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
            }
        }

        Directory.Delete(_root, recursive: true);
    }

    private string Write(string path, string content)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    [Fact]
    public void Answers_existence_listing_and_text_for_ordinary_files()
    {
        Write("src/app.py", "print('hi')\n");
        Write("B.txt", "b");
        Write("a.txt", "a");
        var context = new FileSystemContext(_root);

        Assert.True(context.FileExists("src/app.py"));
        Assert.True(context.FileExists("./src/app.py"));
        Assert.True(context.DirectoryExists("src"));
        Assert.True(context.DirectoryExists(""));
        Assert.False(context.FileExists("src"));
        Assert.False(context.DirectoryExists("a.txt"));
        Assert.Equal("print('hi')\n", context.ReadAllText("src/app.py"));
        Assert.Equal(
            [new ContextEntry("B.txt", false), new ContextEntry("a.txt", false), new ContextEntry("src", true)],
            context.ListDirectory(""));
    }

    [Fact]
    public void Missing_paths_answer_no_and_never_throw()
    {
        var context = new FileSystemContext(_root);

        Assert.False(context.FileExists("nope"));
        Assert.False(context.DirectoryExists("nope"));
        Assert.Empty(context.ListDirectory("nope"));
        Assert.Null(context.ReadAllText("nope"));
        Assert.Null(context.ReadAllText("nope/deeper"));
    }

    [Fact]
    public void Paths_that_climb_out_of_the_context_are_not_there()
    {
        var sibling = Path.Combine(Path.GetDirectoryName(_root)!, Path.GetFileName(_root) + "-outside.txt");
        File.WriteAllText(sibling, "secret");
        try
        {
            var context = new FileSystemContext(_root);

            Assert.False(context.FileExists("../" + Path.GetFileName(sibling)));
            Assert.Null(context.ReadAllText("../" + Path.GetFileName(sibling)));
            Assert.Empty(context.ListDirectory(".."));
        }
        finally
        {
            File.Delete(sibling);
        }
    }

    [Fact]
    public void A_symlink_to_a_file_is_a_file_whose_target_text_is_read()
    {
        Write("real.txt", "target text");
        File.CreateSymbolicLink(Path.Combine(_root, "link.txt"), Path.Combine(_root, "real.txt"));
        var context = new FileSystemContext(_root);

        Assert.True(context.FileExists("link.txt"));
        Assert.Equal("target text", context.ReadAllText("link.txt"));
        Assert.Contains(new ContextEntry("link.txt", false), context.ListDirectory(""));
    }

    [Fact]
    public void A_symlinked_directory_is_listed_as_a_link_and_never_followed()
    {
        Write("real/inner.txt", "x");
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), Path.Combine(_root, "real"));
        var context = new FileSystemContext(_root);

        Assert.Contains(new ContextEntry("linked", false), context.ListDirectory(""));
        Assert.False(context.DirectoryExists("linked"));
        Assert.False(context.FileExists("linked"));
        Assert.Empty(context.ListDirectory("linked"));
    }

    [Fact]
    public void A_dangling_symlink_is_neither_file_nor_directory_and_reads_as_null()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), Path.Combine(_root, "missing-target"));
        var context = new FileSystemContext(_root);

        Assert.False(context.FileExists("dangling"));
        Assert.Null(context.ReadAllText("dangling"));
        Assert.Contains(new ContextEntry("dangling", false), context.ListDirectory(""));
    }

    [Fact]
    public void Reading_a_directory_as_a_file_gives_null()
    {
        Directory.CreateDirectory(Path.Combine(_root, "dir"));
        var context = new FileSystemContext(_root);

        Assert.Null(context.ReadAllText("dir"));
    }

    [Fact]
    public void A_file_that_is_not_valid_UTF8_reads_as_null()
    {
        File.WriteAllBytes(Path.Combine(_root, "latin1.txt"), [0x63, 0x61, 0x66, 0xE9]);
        var context = new FileSystemContext(_root);

        Assert.True(context.FileExists("latin1.txt"));
        Assert.Null(context.ReadAllText("latin1.txt"));
    }

    [Fact]
    public void A_byte_order_mark_is_kept_for_the_reader_to_handle()
    {
        File.WriteAllBytes(Path.Combine(_root, ".dockerignore"), [0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n']);
        var context = new FileSystemContext(_root);

        Assert.Equal("\uFEFFa\n", context.ReadAllText(".dockerignore"));
        Assert.Equal(["a"], BuildContext.Open(context, null).DockerIgnore.Patterns.Select(p => p.ToString()));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_without_read_permission_reads_as_null_except_for_root_which_reads_everything()
    {
        var full = Write("locked.txt", "locked");
        File.SetUnixFileMode(full, UnixFileMode.None);
        var context = new FileSystemContext(_root);

        // Root bypasses permission bits, so the same file is readable: both outcomes are asserted, none skipped.
        if (Environment.IsPrivilegedProcess)
        {
            Assert.Equal("locked", context.ReadAllText("locked.txt"));
        }
        else
        {
            Assert.Null(context.ReadAllText("locked.txt"));
        }

        Assert.True(context.FileExists("locked.txt"));
    }

    [Fact]
    public void Works_under_BuildContext_with_the_real_ignore_file()
    {
        Write("Dockerfile", "FROM x\n");
        Write(".dockerignore", "node_modules\n");
        Write("node_modules/a/index.js", "");
        Write(".git/HEAD", "ref");
        var context = BuildContext.Open(new FileSystemContext(_root), "Dockerfile");

        Assert.Equal(".dockerignore", context.DockerIgnorePath);
        Assert.False(context.HasIncludedEntriesUnder("node_modules"));
        Assert.Equal([".git"], VcsAndDependencyFolders.FindNotExcluded(context).Select(f => f.Path));
    }
    /// <summary>One instance, asked everything in several orders, answers as a fresh instance (no remembered listing or names) does.</summary>
    [Fact]
    public void Remembered_listings_and_names_answer_as_fresh_lookups_do()
    {
        Write("Dockerfile", "FROM a\n");
        Write("package.json", "{}");
        Write(".dockerignore", "node_modules\n");
        Write("src/app.py", "print('hi')\n");
        Write("src/deep/er/x.txt", "x");
        Write("real/inner.txt", "inner");
        Write("node_modules/a/index.js", "");
        Write("bad.txt", "");
        File.WriteAllBytes(Path.Combine(_root, "bad.txt"), [0xFF, 0xFE]);
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        File.CreateSymbolicLink(Path.Combine(_root, "link.txt"), Path.Combine(_root, "src/app.py"));
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), Path.Combine(_root, "missing-target"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), Path.Combine(_root, "real"));
        string[] paths =
        [
            "", ".", "Dockerfile", "./Dockerfile", "/Dockerfile", "package.json", ".dockerignore", "Dockerfile.dockerignore", ".git", ".hg", "venv",
            "src", "src/", "src/app.py", "src/missing.py", "src/deep", "src/deep/er", "src/deep/er/x.txt", "src/deep/nope/x.txt", "src/../package.json",
            "real", "real/inner.txt", "linked", "linked/inner.txt", "linked/missing.txt", "link.txt", "dangling", "empty", "empty/x",
            "node_modules", "node_modules/a", "node_modules/a/index.js", "bad.txt", "missing", "missing/deeper", "../outside", "a\\b", "DOCKERFILE",
        ];
        var probedFirst = new FileSystemContext(_root);
        var listedFirst = new FileSystemContext(_root);
        foreach (var path in paths)
        {
            Assert.Equal(new FileSystemContext(_root).ListDirectory(path), listedFirst.ListDirectory(path));
        }

        for (var round = 0; round < 3; round++)
        {
            var order = round == 1 ? paths.Reverse().ToArray() : paths;
            foreach (var shared in new[] { probedFirst, listedFirst })
            {
                foreach (var path in order)
                {
                    Assert.Equal(new FileSystemContext(_root).FileExists(path), shared.FileExists(path));
                    Assert.Equal(new FileSystemContext(_root).DirectoryExists(path), shared.DirectoryExists(path));
                    Assert.Equal(new FileSystemContext(_root).ReadAllText(path), shared.ReadAllText(path));
                    if (round == 2)
                    {
                        Assert.Equal(new FileSystemContext(_root).ListDirectory(path), shared.ListDirectory(path));
                    }
                }
            }
        }
    }
    /// <summary>A path a probe found nothing at stays absent for every question until the context forgets it.</summary>
    [Fact]
    public void A_path_found_missing_is_missing_for_every_question_until_forgotten()
    {
        var context = new FileSystemContext(_root);
        Assert.False(context.DirectoryExists("app.py"));
        Write("app.py", "print('hi')\n");
        Assert.False(context.FileExists("app.py"));
        Assert.Null(context.ReadAllText("app.py"));

        context.Forget();
        Assert.True(context.FileExists("app.py"));
        Assert.False(context.DirectoryExists("app.py"));
        Assert.True(context.FileExists("app.py")); // a file asked as a directory is not missing
    }

    /// <summary>A listing is kept (a file written later is not seen) until the context forgets it.</summary>
    [Fact]
    public void Forget_makes_files_written_after_a_listing_visible()
    {
        Write("Dockerfile", "FROM a\n");
        var context = new FileSystemContext(_root);
        Assert.Equal([new ContextEntry("Dockerfile", false)], context.ListDirectory(""));

        Write(".dockerignore", "x\n");
        Assert.False(context.FileExists(".dockerignore"));

        context.Forget();
        Assert.True(context.FileExists(".dockerignore"));
        Assert.Equal("x\n", context.ReadAllText(".dockerignore"));
        Assert.Equal([new ContextEntry(".dockerignore", false), new ContextEntry("Dockerfile", false)], context.ListDirectory(""));
    }

    /// <summary>Listings read from the enumeration's entries equal the ones FileSystemInfo objects gave (name; a folder only when not a link).</summary>
    [Fact]
    public void Listings_equal_the_file_system_info_listing()
    {
        Write("Dockerfile", "FROM a\n");
        Write(".hidden", "x");
        Write("src/app.py", "x");
        Write("real/inner.txt", "x");
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        File.CreateSymbolicLink(Path.Combine(_root, "link.txt"), Path.Combine(_root, "Dockerfile"));
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), Path.Combine(_root, "missing-target"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "linked"), Path.Combine(_root, "real"));
        foreach (var folder in new[] { "", "src", "real", "empty", "linked", "link.txt", "dangling", "missing", "Dockerfile" })
        {
            var directory = new DirectoryInfo(Path.Combine(_root, folder));
            var expected = !directory.Exists || directory.LinkTarget is not null
                ? []
                : directory.EnumerateFileSystemInfos()
                    .Select(e => new ContextEntry(e.Name, e is DirectoryInfo && e.LinkTarget is null))
                    .OrderBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
            Assert.Equal(expected, new FileSystemContext(_root).ListDirectory(folder));
        }

        // A context whose root is itself a link lists nothing at its root, as before.
        Assert.Empty(new FileSystemContext(Path.Combine(_root, "linked")).ListDirectory(""));
    }
}

