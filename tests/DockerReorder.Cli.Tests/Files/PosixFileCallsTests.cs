using DockerReorder.Cli.Files;

namespace DockerReorder.Cli.Tests.Files;

/// <summary>The one-call absence probe says "nothing there" exactly when lstat finds nothing, and short kernel paths name the same files.</summary>
public sealed class PosixFileCallsTests
{
    /// <summary>Files, folders, links (dangling too), missing names, missing parents and paths through a file: the probe agrees with lstat.</summary>
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Nothing_at_agrees_with_lstat()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var t = new TempFolder();
        t.Write("file.txt", "x");
        t.Write("dir/inner.txt", "y");
        File.CreateSymbolicLink(Path.Combine(t.Path, "link"), Path.Combine(t.Path, "file.txt"));
        File.CreateSymbolicLink(Path.Combine(t.Path, "dangling"), Path.Combine(t.Path, "missing-target"));
        Directory.CreateSymbolicLink(Path.Combine(t.Path, "dirlink"), Path.Combine(t.Path, "dir"));
        string[] names = ["file.txt", "dir", "dir/inner.txt", "link", "dangling", "dirlink", "dirlink/inner.txt", "missing", "missing/deeper", "file.txt/under", "dangling/under", "dir/missing"];
        foreach (var name in names)
        {
            var full = Path.Combine(t.Path, name);
            bool lstatFindsNothing = new FileInfo(full).Attributes == (FileAttributes)(-1);
            Assert.True(lstatFindsNothing == PosixFileCalls.NothingAt(full), name);
            Assert.True(lstatFindsNothing == PosixFileCalls.NothingAt(KernelPaths.Shorten(full)), name);
        }
    }

    /// <summary>A path below the current directory becomes relative to it; others stay as they are.</summary>
    [Fact]
    public void Short_paths_are_relative_to_the_current_directory_only_below_it()
    {
        var current = Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
        Assert.Equal("a/Dockerfile", KernelPaths.Shorten(current + "/a/Dockerfile"));
        Assert.Equal(current + "x/Dockerfile", KernelPaths.Shorten(current + "x/Dockerfile"));
        Assert.Equal(current, KernelPaths.Shorten(current));
        Assert.Equal("/elsewhere/Dockerfile", KernelPaths.Shorten("/elsewhere/Dockerfile"));
    }

    /// <summary>A file below the current directory is read through its short path with the same bytes and time.</summary>
    [Fact]
    public void A_file_below_the_current_directory_reads_the_same()
    {
        var folder = Path.Combine(Environment.CurrentDirectory, "dr-short-path-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var full = Path.Combine(folder, "Dockerfile");
            File.WriteAllText(full, "FROM a\nRUN b\n");
            var content = DockerfileReader.Read(full, "Dockerfile");
            Assert.Equal(File.ReadAllBytes(full), content.Bytes);
            Assert.Equal(File.GetLastWriteTimeUtc(full), content.LastWriteTimeUtc);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
