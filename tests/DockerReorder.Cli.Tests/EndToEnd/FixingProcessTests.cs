using System.Text;

namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>The built docker-reorder fixing the seed example: dry run, --write, --check, --diff, git apply round trip, newline style, BOM and mode.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FixingProcessTests
{
    private const string Case = "python-broad-copy";

    private static string Expected => File.ReadAllText(Path.Combine(Fixtures.Root, Case, "write.verified.txt"));

    /// <summary>The default dry run prints the diff, writes nothing and exits 1.</summary>
    [Fact]
    public void Dry_run_prints_the_diff_and_writes_nothing()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var before = t.ReadBytes("Dockerfile");
        var r = CliProcess.Run(t.Path);
        Assert.True(r.ExitCode == 1, r.ToString());
        Fixtures.Verify(Case, "dry-run", r.Stdout);
        Assert.Equal("1 file would be changed\n", r.Stderr);
        Assert.Equal(before, t.ReadBytes("Dockerfile"));
    }

    /// <summary>--write applies the fix, exits 0 (nothing remains), and a second run changes nothing (idempotent).</summary>
    [Fact]
    public void Write_applies_the_fix_and_is_idempotent()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var r = CliProcess.Run(t.Path, "--write");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Equal("fixed 1 file\n", r.Stderr);
        Assert.Equal(Expected, t.Read("Dockerfile"));
        var again = CliProcess.Run(t.Path, "-w");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("nothing to change in 1 file\n", again.Stderr);
        Assert.Equal(Expected, t.Read("Dockerfile"));
    }

    /// <summary>The printed diff, applied with git apply, gives exactly what --write writes.</summary>
    [Fact]
    public void Diff_applied_with_git_equals_write()
    {
        using var dry = new TempFolder();
        using var written = new TempFolder();
        Fixtures.CopyCase(Case, dry);
        Fixtures.CopyCase(Case, written);
        var diff = CliProcess.Run(dry.Path, "--diff");
        Assert.True(diff.ExitCode == 1, diff.ToString());
        dry.WriteBytes("fix.patch", diff.StdoutBytes);
        var (code, output) = Diffs.UnifiedDiffPrinterTests.Git(dry.Path, "apply", "fix.patch");
        Assert.True(code == 0, output);
        CliProcess.Run(written.Path, "--write");
        Assert.Equal(written.ReadBytes("Dockerfile"), dry.ReadBytes("Dockerfile"));
    }

    /// <summary>CRLF line breaks, a BOM and the Unix mode survive --write; the diff of a CRLF file applies with git.</summary>
    [Fact]
    public void Write_keeps_crlf_bom_and_mode()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var crlf = "\uFEFF" + t.Read("Dockerfile").Replace("\n", "\r\n");
        t.WriteBytes("Dockerfile", Encoding.UTF8.GetBytes(crlf));
        File.SetUnixFileMode(Path.Combine(t.Path, "Dockerfile"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        using var copy = new TempFolder();
        Fixtures.CopyCase(Case, copy);
        copy.WriteBytes("Dockerfile", Encoding.UTF8.GetBytes(crlf));
        var diff = CliProcess.Run(copy.Path, "--diff");
        copy.WriteBytes("fix.patch", diff.StdoutBytes);
        var r = CliProcess.Run(t.Path, "--write");
        Assert.True(r.ExitCode == 0, r.ToString());
        var expected = Encoding.UTF8.GetBytes("\uFEFF" + Expected.Replace("\n", "\r\n"));
        Assert.Equal(expected, t.ReadBytes("Dockerfile"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(Path.Combine(t.Path, "Dockerfile")));
        var (code, output) = Diffs.UnifiedDiffPrinterTests.Git(copy.Path, "apply", "--whitespace=nowarn", "fix.patch");
        Assert.True(code == 0, output);
        Assert.Equal(expected, copy.ReadBytes("Dockerfile"));
    }

    /// <summary>--check lists the files that would change, exits 1, writes nothing; a clean file is not listed.</summary>
    [Fact]
    public void Check_lists_files_that_would_change()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t, "api");
        Fixtures.CopyCase("clean", t, "web");
        var r = CliProcess.Run(t.Path, "--check");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Equal("api/Dockerfile\n", r.Stdout);
        Assert.NotEqual(Expected, t.Read("api/Dockerfile"));
    }

    /// <summary>A clean file: no output, exit 0.</summary>
    [Fact]
    public void Clean_file_exits_0()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("clean", t);
        var r = CliProcess.Run(t.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Equal("nothing to change in 1 file\n", r.Stderr);
    }

    /// <summary>A read-only Dockerfile is not written: one line, exit 2, content kept.</summary>
    [Fact]
    public void Read_only_file_is_not_written()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var path = Path.Combine(t.Path, "Dockerfile");
        var before = t.ReadBytes("Dockerfile");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        var r = CliProcess.Run(t.Path, "--write");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("Dockerfile: read-only file, not written\n", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, t.ReadBytes("Dockerfile"));
    }

    /// <summary>A symlink named explicitly is fixed through: the target changes, the link stays a link.</summary>
    [Fact]
    public void Explicit_symlink_is_written_through()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        File.Move(Path.Combine(t.Path, "Dockerfile"), Path.Combine(t.Path, "Dockerfile.real"));
        File.CreateSymbolicLink(Path.Combine(t.Path, "Dockerfile"), "Dockerfile.real");
        var r = CliProcess.Run(t.Path, "--write", "Dockerfile");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.NotNull(new FileInfo(Path.Combine(t.Path, "Dockerfile")).LinkTarget);
        Assert.Equal(Expected, t.Read("Dockerfile.real"));
    }

    /// <summary>Many files processed in parallel report in ordinal path order, every run the same.</summary>
    [Fact]
    public void Parallel_output_is_deterministic()
    {
        using var t = new TempFolder();
        var names = new[] { "z", "a", "m", "b", "y", "c", "x", "d" };
        foreach (var n in names) Fixtures.CopyCase(Case, t, n);
        var first = CliProcess.Run(t.Path, "--check");
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Equal(string.Concat(names.Order(StringComparer.Ordinal).Select(n => $"{n}/Dockerfile\n")), first.Stdout);
        var dry = CliProcess.Run(t.Path);
        Assert.Equal(dry.Stdout, CliProcess.Run(t.Path).Stdout);
        Assert.Equal(names.Order(StringComparer.Ordinal).Select(n => $"--- a/{n}/Dockerfile"), dry.Stdout.Split('\n').Where(l => l.StartsWith("--- ", StringComparison.Ordinal)));
    }

    /// <summary>A 50 MB Dockerfile is processed (and printed back) without error, within two minutes on a loaded 2-core machine.</summary>
    [Fact]
    public void Fifty_megabyte_file()
    {
        using var t = new TempFolder();
        var sb = new StringBuilder("FROM alpine:3.19\n");
        int i = 0;
        while (sb.Length < 50 * 1024 * 1024) sb.Append("RUN echo ").Append(i++).Append(" && true\n");
        t.Write("Dockerfile", sb.ToString());
        var started = DateTime.UtcNow;
        var r = CliProcess.Run(t.Path, "--check");
        Assert.True(r.ExitCode is 0 or 1, r.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(120), "took over two minutes");
        var printed = CliProcess.Run(t.Path, "print", "Dockerfile");
        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(t.ReadBytes("Dockerfile"), printed.StdoutBytes);
    }
}
