namespace DockerReorder.Cli.Tests.EndToEnd;

/// <summary>The built docker-reorder choosing rules: --select/--ignore, the configuration file, suppression comments, unsafe fixes.</summary>
public sealed class RulesAndConfigurationProcessTests
{
    private static string[] FindingLines(CliResult r) =>
        r.Stdout.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[^ ]+:\d+:\d+: DR\d{3} ")).ToArray();

    /// <summary>--ignore of the reordering rules leaves nothing to do.</summary>
    [Fact]
    public void Ignore_option_disables_rules()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("python-broad-copy", t);
        var r = CliProcess.Run(t.Path, "--ignore", "DR001,DR002");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stdout);
    }

    /// <summary>--select DR003 reports only DR003 (no .dockerignore) and proposes no reorder diff.</summary>
    [Fact]
    public void Select_option_limits_rules()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("no-dockerignore", t);
        var r = CliProcess.Run(t.Path, "--select", "DR003");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.DoesNotContain("--- a/Dockerfile", r.Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(FindingLines(r));
        Assert.All(FindingLines(r), l => Assert.Contains(": DR003 ", l, StringComparison.Ordinal));
    }

    /// <summary>The configuration file's ignore applies; a command-line --ignore replaces it.</summary>
    [Fact]
    public void Configuration_ignore_and_command_line_override()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("python-broad-copy", t, "svc");
        t.Write(".docker-reorder.json", "{ \"ignore\": [\"DR001\", \"DR002\"] }\n");
        var byConfig = CliProcess.Run(t.Path);
        Assert.True(byConfig.ExitCode == 0, byConfig.ToString());
        var overridden = CliProcess.Run(t.Path, "--ignore", "DR003");
        Assert.True(overridden.ExitCode == 1, overridden.ToString());
        Assert.Contains("--- a/svc/Dockerfile", overridden.Stdout, StringComparison.Ordinal);
    }

    /// <summary>A suppression comment above the instruction silences the named rules there.</summary>
    [Fact]
    public void Suppression_comment_above_instruction()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("suppressed-line", t);
        var before = t.ReadBytes("Dockerfile");
        var r = CliProcess.Run(t.Path, "--write");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(before, t.ReadBytes("Dockerfile"));
    }

    /// <summary>An ignore-file comment in the header silences the whole file.</summary>
    [Fact]
    public void Suppression_comment_for_the_file()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("suppressed-file", t);
        var r = CliProcess.Run(t.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stdout);
    }

    /// <summary>Without --unsafe-fixes the .dockerignore fix is not applied and the finding remains (exit 1, hint in the summary); with it, the file is created.</summary>
    [Fact]
    public void Unsafe_fixes_need_the_option()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("no-dockerignore", t);
        var safeOnly = CliProcess.Run(t.Path, "--write");
        Assert.True(safeOnly.ExitCode == 1, safeOnly.ToString());
        Assert.Contains(FindingLines(safeOnly), l => l.Contains(": DR003 ", StringComparison.Ordinal));
        Assert.Contains("--unsafe-fixes", safeOnly.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(t.Path, ".dockerignore")));
        var withUnsafe = CliProcess.Run(t.Path, "--write", "--unsafe-fixes");
        Assert.True(withUnsafe.ExitCode == 0, withUnsafe.ToString());
        Assert.Contains(".git", t.Read(".dockerignore"), StringComparison.Ordinal);
    }

    /// <summary>The dry run shows the .dockerignore creation as a /dev/null diff with --unsafe-fixes, and writes nothing.</summary>
    [Fact]
    public void Unsafe_dry_run_shows_the_new_dockerignore()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("no-dockerignore", t);
        var r = CliProcess.Run(t.Path, "--unsafe-fixes");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("--- /dev/null\n+++ b/.dockerignore\n", r.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(t.Path, ".dockerignore")));
    }

    /// <summary>"unsafe-fixes": true in the configuration acts like the option; --no-unsafe-fixes overrides it.</summary>
    [Fact]
    public void Configuration_unsafe_fixes_and_its_override()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("no-dockerignore", t);
        t.Write(".docker-reorder.json", "{\"unsafe-fixes\": true}");
        var refused = CliProcess.Run(t.Path, "--write", "--no-unsafe-fixes");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.False(File.Exists(Path.Combine(t.Path, ".dockerignore")));
        var applied = CliProcess.Run(t.Path, "--write");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.True(File.Exists(Path.Combine(t.Path, ".dockerignore")));
    }

    /// <summary>--verbose says which context and configuration each file used.</summary>
    [Fact]
    public void Verbose_names_context_and_configuration()
    {
        using var t = new TempFolder();
        Fixtures.CopyCase("clean", t, "svc");
        t.Write(".docker-reorder.json", "{}");
        var r = CliProcess.Run(t.Path, "--verbose");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("svc/Dockerfile: configuration .docker-reorder.json\n", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("svc/Dockerfile: context svc\n", r.Stderr, StringComparison.Ordinal);
    }
}
