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
}
