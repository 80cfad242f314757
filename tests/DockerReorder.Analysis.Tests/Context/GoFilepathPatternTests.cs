using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>Go's filepath.Match, the wildcard language of COPY sources (cases from Go's own table).</summary>
public sealed class GoFilepathPatternTests
{
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "ab/c", false)]
    [InlineData("a*/b", "abc/b", true)]
    [InlineData("a*/b", "a/c/b", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzy", false)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[^b-d]", "abc", false)]
    [InlineData("ab[^e-g]", "abc", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "ab", false)]
    [InlineData("a?b", "a☺b", true)]
    [InlineData("a[^a]b", "a☺b", true)]
    [InlineData("a???b", "a☺b", false)]
    [InlineData("[a-ζ]*", "α", true)]
    [InlineData("*[a-ζ]", "A", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a*b", "a/b", false)]
    [InlineData("[\\]a]", "]", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[x\\-]", "x", true)]
    [InlineData("[x\\-]", "-", true)]
    [InlineData("[x\\-]", "z", false)]
    [InlineData("[\\-x]", "a", false)]
    [InlineData("*x", "xxx", true)]
    [InlineData("*.json", "package.json", true)]
    [InlineData("package*.json", "package-lock.json", true)]
    [InlineData("**", "a", true)]
    public void Matches_like_Go(string pattern, string name, bool expected)
    {
        Assert.True(GoFilepathPattern.TryMatch(pattern, name, out var matched));
        Assert.Equal(expected, matched);
    }

    [Theory]
    [InlineData("[]a]")]
    [InlineData("[-]")]
    [InlineData("[x-]")]
    [InlineData("[-x]")]
    [InlineData("\\")]
    [InlineData("[a-b-c]")]
    [InlineData("[")]
    [InlineData("[^")]
    [InlineData("[^bc")]
    [InlineData("a[")]
    public void Rejects_malformed_patterns_like_Go(string pattern)
    {
        Assert.False(GoFilepathPattern.IsWellFormed(pattern));
        Assert.False(GoFilepathPattern.TryMatch(pattern, "a", out var matched));
        Assert.False(matched);
    }

    [Theory]
    [InlineData("package.json", false)]
    [InlineData("*.json", true)]
    [InlineData("file?.txt", true)]
    [InlineData("[ab].txt", true)]
    [InlineData("literal\\*.txt", false)]
    public void Knows_when_a_COPY_source_is_a_wildcard(string source, bool expected)
    {
        Assert.Equal(expected, GoFilepathPattern.HasWildcards(source));
    }
}
