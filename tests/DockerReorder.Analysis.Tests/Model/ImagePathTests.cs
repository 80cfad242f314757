using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Tests.Model;

public sealed class ImagePathTests
{
    [Theory]
    [InlineData("/app/./src//x/../y", "/app/src/y")]
    [InlineData("./", ".")]
    [InlineData("a/b/..", "a")]
    [InlineData("/..", "/")]
    [InlineData("../x", "../x")]
    public void Normalizes_like_path_clean(string input, string expected) => Assert.Equal(expected, ImagePath.Normalize(input));

    [Theory]
    [InlineData("/app/node_modules", "/app", true)]
    [InlineData("/app", "/app", true)]
    [InlineData("/application", "/app", false)]
    [InlineData("/usr/lib", "/", true)]
    [InlineData("node_modules", ".", true)]
    public void Tells_containment(string path, string dir, bool expected) => Assert.Equal(expected, ImagePath.IsUnder(path, dir));

    [Fact]
    public void Literal_prefix_stops_before_the_first_wildcard_segment() =>
        Assert.Equal("/usr/local/lib", ImagePath.LiteralPrefix("/usr/local/lib/python3*/site-packages"));

    [Fact]
    public void Normalizes_every_short_path_as_splitting_and_joining_does()
    {
        // Clean paths come back unchanged without being split; every path up to 7 characters over a, ., / checks that.
        var paths = new List<string> { "" };
        for (int length = 1; length <= 7; length++)
            paths.AddRange(paths.Where(p => p.Length == length - 1).SelectMany(p => new[] { p + "a", p + ".", p + "/" }).ToList());
        foreach (var path in paths) Assert.Equal(SplitAndJoin(path), ImagePath.Normalize(path));
    }

    private static string SplitAndJoin(string path)
    {
        bool absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!absolute) parts.Add("..");
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        if (absolute) return "/" + joined;
        return joined.Length == 0 ? "." : joined;
    }
}
