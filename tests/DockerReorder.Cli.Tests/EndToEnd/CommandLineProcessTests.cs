namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>The built docker-reorder: help, version and usage errors.</summary>
public sealed class CommandLineProcessTests
{
    /// <summary>--help lists every option and the exit codes, and exits 0.</summary>
    [Fact]
    public void Help_lists_options_and_exit_codes()
    {
        using var t = new TempFolder();
        var r = CliProcess.Run(t.Path, "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var option in new[] { "--write", "-w", "--check", "--diff", "--unsafe-fixes", "--select", "--ignore", "--context", "--stdin-filename", "--include", "--exclude", "--format", "--color", "--quiet", "--verbose", "--explain", "--version", "print", "dump" })
            Assert.Contains(option, r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 nothing to report; 1 findings remain or changes are due (after --write: findings that could not be fixed); 2 usage, I/O or parse error.", r.Stdout, StringComparison.Ordinal);
    }

    /// <summary>--version prints the version alone.</summary>
    [Fact]
    public void Version_prints_the_version()
    {
        using var t = new TempFolder();
        var r = CliProcess.Run(t.Path, "--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$", r.Stdout);
    }

    /// <summary>Usage errors exit 2 with a message on stderr and nothing on stdout.</summary>
    [Theory]
    [InlineData("--bogus")]
    [InlineData("--write", "--check")]
    [InlineData("--check", "--diff")]
    [InlineData("--select", "E501")]
    [InlineData("--ignore", "DR001,nope")]
    [InlineData("--format", "xml")]
    [InlineData("--color", "sometimes")]
    [InlineData("--unsafe-fixes", "--no-unsafe-fixes")]
    [InlineData("--quiet", "--verbose")]
    [InlineData("-", "Dockerfile")]
    public void Usage_errors_exit_2(params string[] args)
    {
        using var t = new TempFolder();
        t.Write("Dockerfile", "FROM a\n");
        var r = CliProcess.Run(t.Path, args);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.NotEqual("", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A --context folder that does not exist is an error.</summary>
    [Fact]
    public void Missing_context_folder_exits_2()
    {
        using var t = new TempFolder();
        t.Write("Dockerfile", "FROM a\n");
        var r = CliProcess.Run(t.Path, "--context", "nowhere");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("nowhere: no such directory (--context)\n", r.Stderr);
    }
}
