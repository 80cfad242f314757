using System.Text;

namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>The built docker-reorder reading a Dockerfile on standard input.</summary>
public sealed class StandardInputProcessTests
{
    private const string Case = "python-broad-copy";

    private static byte[] Input => File.ReadAllBytes(Path.Combine(Fixtures.Root, Case, "Dockerfile"));

    /// <summary>"-" prints the diff under --stdin-filename, with the working directory as context; exit 1.</summary>
    [Fact]
    public void Stdin_dry_run_prints_the_diff()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        File.Delete(Path.Combine(t.Path, "Dockerfile"));
        var r = CliProcess.Run(t.Path, Input, null, "-", "--stdin-filename", "Dockerfile");
        Assert.True(r.ExitCode == 1, r.ToString());
        Fixtures.Verify(Case, "dry-run", r.Stdout);
        Assert.False(File.Exists(Path.Combine(t.Path, "Dockerfile")));
    }

    /// <summary>"- --write" prints the fixed text on stdout, byte for byte, and writes no file.</summary>
    [Fact]
    public void Stdin_write_prints_the_fixed_text()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t);
        var r = CliProcess.Run(t.Path, Input, null, "-", "--write");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(Fixtures.Root, Case, "write.verified.txt")), r.StdoutBytes);
        Assert.Equal(Input, t.ReadBytes("Dockerfile"));
    }

    /// <summary>--context names the context of stdin explicitly (here the fixture folder, from elsewhere).</summary>
    [Fact]
    public void Stdin_with_explicit_context()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase(Case, t, "ctx");
        var r = CliProcess.Run(t.Path, Input, null, "-", "--write", "--context", "ctx");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(Fixtures.Root, Case, "write.verified.txt")), r.StdoutBytes);
    }

    /// <summary>Already-fixed input on stdin with --write comes back unchanged; exit 0.</summary>
    [Fact]
    public void Stdin_clean_input_round_trips()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("clean", t);
        var input = Encoding.UTF8.GetBytes(t.Read("Dockerfile"));
        var r = CliProcess.Run(t.Path, input, null, "-", "--write");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(input, r.StdoutBytes);
    }
}
