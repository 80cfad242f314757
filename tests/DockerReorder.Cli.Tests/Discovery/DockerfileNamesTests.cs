using DockerReorder.Cli.Discovery;
using Microsoft.Extensions.FileSystemGlobbing;

namespace DockerReorder.Cli.Tests.Discovery;

public sealed class DockerfileNamesTests
{
    private static readonly string[] Pieces =
        ["", "Dockerfile", "dockerfile", "DOCKERFILE", "Containerfile", "containerfile", ".", "..", "x", "a.b", "-", " ", "*", "Docker", "file", ".Dockerfile", "Dockerfile.", "é"];

    [Fact]
    public void The_name_check_answers_as_a_glob_matcher_over_the_default_patterns()
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in DockerfileNames.DefaultPatterns) matcher.AddInclude("**/" + pattern);
        int checkedNames = 0;
        foreach (var a in Pieces)
        foreach (var b in Pieces)
        foreach (var c in Pieces)
        {
            var name = a + b + c;
            if (name.Length == 0 || name is "." or "..") continue;
            foreach (var relative in new[] { name, "sub/" + name, "a/b/" + name })
            {
                bool expected = matcher.Match(relative).HasMatches;
                Assert.True(expected == DockerfileNames.IsDefaultName(name), $"'{relative}': matcher says {expected}");
                checkedNames++;
            }
        }
        Assert.True(checkedNames > 10_000);
    }
}
