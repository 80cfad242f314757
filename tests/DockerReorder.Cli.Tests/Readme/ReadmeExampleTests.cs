namespace DockerReorder.Cli.Tests.Readme;

/// <summary>The README's first screen shows the real output of the bundled example: it must stay true.</summary>
public sealed class ReadmeExampleTests
{
    private static string Root => Path.GetFullPath(Path.Combine(Fixtures.Root, "..", ".."));

    private static string Block(string readme, string command)
    {
        var marker = "$ " + command + "\n";
        int start = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no `{command}` example");
        start += marker.Length;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        return readme[start..end];
    }

    [Fact]
    public void The_dry_run_example_is_the_real_output()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var r = CliProcess.Run(Root, "examples/seed");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(Block(readme, "docker-reorder examples/seed"), r.Stdout);
    }

    [Fact]
    public void The_explain_example_is_the_real_output()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var r = CliProcess.Run(Root, "--explain", "examples/seed");
        var explainLines = string.Concat(r.Stdout.Split('\n').Where(l => l.Contains(": stage ", StringComparison.Ordinal)).Select(l => l + "\n"));
        Assert.Equal(Block(readme, "docker-reorder --explain examples/seed"), explainLines);
    }
}
