using DockerReorder.Cli.Files;

namespace DockerReorder.Cli.Tests.Files;

/// <summary>Writes replace the file atomically, keep its mode, go through symlinks and refuse files changed since they were read.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AtomicFileWriterTests
{
    /// <summary>The content is replaced, the Unix mode kept, and no temporary file is left.</summary>
    [Fact]
    public void Replaces_content_and_keeps_the_mode()
    {
        using var t = new TempFolder();
        var path = t.Write("Dockerfile", "FROM a\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
        var content = DockerfileReader.Read(path, "Dockerfile");
        AtomicFileWriter.Replace(path, "Dockerfile", content, "FROM b\n"u8.ToArray());
        Assert.Equal("FROM b\n", t.Read("Dockerfile"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Equal(["Dockerfile"], Directory.GetFiles(t.Path).Select(Path.GetFileName));
    }

    /// <summary>A file edited after it was read is left alone and the write fails with one line.</summary>
    [Fact]
    public void Refuses_a_file_changed_since_it_was_read()
    {
        using var t = new TempFolder();
        var path = t.Write("Dockerfile", "FROM a\n");
        var content = DockerfileReader.Read(path, "Dockerfile");
        File.WriteAllText(path, "FROM edited\n");
        var e = Assert.Throws<FileProblem>(() => AtomicFileWriter.Replace(path, "Dockerfile", content, "FROM b\n"u8.ToArray()));
        Assert.Equal("Dockerfile: file changed on disk since it was read, not written", e.Message);
        Assert.Equal("FROM edited\n", t.Read("Dockerfile"));
        Assert.Single(Directory.GetFiles(t.Path));
    }

    /// <summary>Same bytes but a new modification time also counts as changed.</summary>
    [Fact]
    public void Refuses_a_file_touched_since_it_was_read()
    {
        using var t = new TempFolder();
        var path = t.Write("Dockerfile", "FROM a\n");
        var content = DockerfileReader.Read(path, "Dockerfile");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        Assert.Throws<FileProblem>(() => AtomicFileWriter.Replace(path, "Dockerfile", content, "FROM b\n"u8.ToArray()));
        Assert.Equal("FROM a\n", t.Read("Dockerfile"));
    }

    /// <summary>A file without write permission is not written (even by root).</summary>
    [Fact]
    public void Refuses_a_read_only_file()
    {
        using var t = new TempFolder();
        var path = t.Write("Dockerfile", "FROM a\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var content = DockerfileReader.Read(path, "Dockerfile");
        var e = Assert.Throws<FileProblem>(() => AtomicFileWriter.Replace(path, "Dockerfile", content, "FROM b\n"u8.ToArray()));
        Assert.Equal("Dockerfile: read-only file, not written", e.Message);
        Assert.Equal("FROM a\n", t.Read("Dockerfile"));
    }

    /// <summary>Writing through a symlink replaces the target; the link stays a link.</summary>
    [Fact]
    public void Writes_through_a_symlink()
    {
        using var t = new TempFolder();
        var target = t.Write("real/Dockerfile", "FROM a\n");
        var link = Path.Combine(t.Path, "Dockerfile");
        File.CreateSymbolicLink(link, target);
        var content = DockerfileReader.Read(link, "Dockerfile");
        AtomicFileWriter.Replace(link, "Dockerfile", content, "FROM b\n"u8.ToArray());
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("FROM b\n", t.Read("real/Dockerfile"));
    }

    /// <summary>A context file the fix creates must not exist yet.</summary>
    [Fact]
    public void Creates_a_new_context_file_only_when_absent()
    {
        using var t = new TempFolder();
        var path = Path.Combine(t.Path, ".dockerignore");
        AtomicFileWriter.ReplaceText(path, ".dockerignore", null, ".git\n"u8.ToArray());
        Assert.Equal(".git\n", t.Read(".dockerignore"));
        Assert.Throws<FileProblem>(() => AtomicFileWriter.ReplaceText(path, ".dockerignore", null, "x\n"u8.ToArray()));
        Assert.Equal(".git\n", t.Read(".dockerignore"));
    }
}
