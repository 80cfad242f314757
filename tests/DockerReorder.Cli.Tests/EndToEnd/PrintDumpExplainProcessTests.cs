using System.Text;

namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>The built docker-reorder's print and dump subcommands, and --explain.</summary>
public sealed class PrintDumpExplainProcessTests
{
    /// <summary>print writes the input back byte for byte: CRLF, BOM, no final newline, invalid UTF-8 included.</summary>
    [Theory]
    [InlineData("FROM a\nRUN x\n")]
    [InlineData("\uFEFFFROM a\r\nRUN x \\\r\n  y\r\n")]
    [InlineData("FROM a\nRUN x")]
    [InlineData("")]
    public void Print_round_trips_bytes(string text)
    {
        using var t = new TempFolder();
        t.WriteBytes("Dockerfile", Encoding.UTF8.GetBytes(text));
        var r = CliProcess.Run(t.Path, "print", "Dockerfile");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text), r.StdoutBytes);
    }

    /// <summary>print is lossless on bytes that are not UTF-8.</summary>
    [Fact]
    public void Print_round_trips_invalid_utf8()
    {
        using var t = new TempFolder();
        byte[] bytes = [.. "FROM a\nRUN echo "u8, 0xFF, 0xC3, .. "\n"u8];
        t.WriteBytes("Dockerfile", bytes);
        var r = CliProcess.Run(t.Path, "print", "Dockerfile");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(bytes, r.StdoutBytes);
    }

    /// <summary>print and dump of a missing file: one line, exit 2.</summary>
    [Theory]
    [InlineData("print")]
    [InlineData("dump")]
    public void Print_and_dump_missing_file(string command)
    {
        using var t = new TempFolder();
        var r = CliProcess.Run(t.Path, command, "nope");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("nope: no such file or directory\n", r.Stderr);
    }

    /// <summary>dump prints BuildKit's s-expression view.</summary>
    [Fact]
    public void Dump_prints_the_buildkit_view()
    {
        using var t = new TempFolder();
        t.Write("Dockerfile", "FROM alpine:3.19\nRUN echo hi\n");
        var r = CliProcess.Run(t.Path, "dump", "Dockerfile");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("(from \"alpine:3.19\")\n(run \"echo hi\")\n", r.Stdout);
    }

    /// <summary>dump of a file with a syntax error prints FILE:LINE:COL: message on stderr and exits 2.</summary>
    [Fact]
    public void Dump_reports_syntax_errors()
    {
        using var t = new TempFolder();
        t.Write("Dockerfile", "# escape=x\nFROM a\n");
        var r = CliProcess.Run(t.Path, "dump", "Dockerfile");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Matches(@"^Dockerfile:1:\d+: [^\n]+\n$", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    /// <summary>A Dockerfile with a syntax error is an error for the main command too (exit 2, one line, not written).</summary>
    [Fact]
    public void Syntax_error_in_main_command()
    {
        using var t = new TempFolder();
        t.Write("Dockerfile", "# escape=x\nFROM a\nCOPY . .\n");
        var r = CliProcess.Run(t.Path, "--write");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Matches(@"(?m)^Dockerfile:1:\d+: .+$", r.Stderr);
        Assert.Equal("# escape=x\nFROM a\nCOPY . .\n", t.Read("Dockerfile"));
    }

    /// <summary>--explain: the seed example reruns 3 of 5 steps before and only the final copy after.</summary>
    [Fact]
    public void Explain_seed_example()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("python-broad-copy", t);
        var r = CliProcess.Run(t.Path, "--explain", "--check");
        Assert.True(r.ExitCode == 1, r.ToString());
        var lines = r.Stdout.Split('\n').Where(l => l.StartsWith("Dockerfile: stage ", StringComparison.Ordinal)).Select(l => l + "\n");
        Fixtures.Verify("python-broad-copy", "explain", string.Concat(lines));
    }

    /// <summary>--explain on two stages: the final stage's COPY --from reruns because the build stage reran.</summary>
    [Fact]
    public void Explain_multi_stage()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("multi-stage", t);
        var r = CliProcess.Run(t.Path, "--explain", "--check");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("Dockerfile: stage 0 (build): before: 3 of 5 steps rerun (COPY . . line 3, RUN go mod download line 4, RUN go build -o /out/app . line 5); after: ", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Dockerfile: stage 1: before: 1 of 3 steps rerun (COPY --from=build /out/app /usr/local... line 9); after: 1 of 3", r.Stdout, StringComparison.Ordinal);
    }
}
