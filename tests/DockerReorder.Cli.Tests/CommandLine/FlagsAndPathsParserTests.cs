using DockerReorder.Cli.CommandLine;
using DockerReorder.Cli.Output;

namespace DockerReorder.Cli.Tests.CommandLine;

/// <summary>The common-line parser: every line it accepts means the same to System.CommandLine, and the common shapes are accepted.</summary>
public sealed class FlagsAndPathsParserTests
{
    private static readonly string[] Pool =
    [
        "--write", "-w", "--check", "--diff", "--unsafe-fixes", "--no-unsafe-fixes", "--quiet", "-q", "--verbose", "-v", "--explain",
        "Dockerfile", "a/b/Dockerfile", "/abs/Dockerfile", "sub", "*.Dockerfile", "x=y", "a:b", "C:\\x", "naïve", " ", "",
        "true", "False", " TRUE ", "print", "dump", "print:x", "dump=y", "-", "--", "@file", "[diagram]", "[suggest]",
        "/h", "/?", "-h", "-?", "--help", "--version", "/h:x", "--check=true", "--check:false", "-wq", "-qv",
        "--select", "DR001", "--format", "json", "--color", "--context", "--include", "--exclude", "--stdin-filename", "--bogus", "-x",
    ];

    private static DockerReorderCommand Command() =>
        new(new OutputChannels(new MemoryStream(), new MemoryStream()), Path.GetTempPath(), () => new MemoryStream(), outputIsTerminal: false);

    /// <summary>The reserved tokens are exactly the names and aliases of the command tree, so a new option cannot slip past.</summary>
    [Fact]
    public void Reserved_tokens_are_the_tree_tokens()
    {
        var tree = Command().TreeTokens().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(tree.Order(StringComparer.Ordinal), FlagsAndPathsParser.ReservedTokens.Order(StringComparer.Ordinal));
        Assert.All(FlagsAndPathsParser.Switches, s => Assert.Contains(s, tree));
    }

    /// <summary>The shapes the benchmarks and the pre-commit hook use are read without System.CommandLine.</summary>
    [Theory]
    [InlineData("--check", "small/Dockerfile")]
    [InlineData("--check", "a/Dockerfile", "b/Dockerfile", "c/Dockerfile")]
    [InlineData("--write", "Dockerfile")]
    [InlineData("-w", "-q", "x/Containerfile")]
    [InlineData("--diff", "--unsafe-fixes", "--explain", "--verbose", ".")]
    [InlineData]
    public void Common_shapes_are_accepted(params string[] args)
    {
        var common = FlagsAndPathsParser.TryParse(args);
        Assert.NotNull(common);
        Assert.Equal(Command().ParseWithSystemCommandLine(args)!.Describe(), common.Describe());
    }

    /// <summary>Every line of up to two tokens from the pool, and many longer ones, is either declined or read as System.CommandLine reads it.</summary>
    [Fact]
    public void Accepted_lines_parse_the_same_with_System_CommandLine()
    {
        var command = Command();
        var lines = new List<string[]> { Array.Empty<string>() };
        foreach (var a in Pool)
        {
            lines.Add([a]);
            foreach (var b in Pool) lines.Add([a, b]);
        }
        var random = new Random(20261122);
        for (int n = 0; n < 3000; n++)
            lines.Add(Enumerable.Range(0, random.Next(3, 7)).Select(_ => Pool[random.Next(Pool.Length)]).ToArray());

        int accepted = 0;
        foreach (var line in lines)
        {
            if (FlagsAndPathsParser.TryParse(line) is not { } common) continue;
            accepted++;
            var general = command.ParseWithSystemCommandLine(line);
            Assert.True(general is not null, $"System.CommandLine does not read [{string.Join(", ", line)}] as the main command");
            Assert.Equal(general.Describe(), common.Describe());
        }
        Assert.True(accepted > 500, $"only {accepted} lines accepted");
    }

    /// <summary>What System.CommandLine may read differently is declined.</summary>
    [Theory]
    [InlineData("--check", "--check")]
    [InlineData("-w", "--write")]
    [InlineData("--check", "true")]
    [InlineData("-")]
    [InlineData("--", "Dockerfile")]
    [InlineData("@args.rsp")]
    [InlineData("[diagram]", "Dockerfile")]
    [InlineData("print", "Dockerfile")]
    [InlineData("/h")]
    [InlineData("/?:x")]
    [InlineData("--select", "DR001")]
    [InlineData("--check=true")]
    [InlineData("")]
    public void Other_lines_are_declined(params string[] args) => Assert.Null(FlagsAndPathsParser.TryParse(args));
}
