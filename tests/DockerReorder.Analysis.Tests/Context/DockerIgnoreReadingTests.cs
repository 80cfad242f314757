using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>How a .dockerignore file's text becomes patterns (BuildKit's ignorefile.ReadAll then patternmatcher.New).</summary>
public sealed class DockerIgnoreReadingTests
{
    private static string[] Held(string text) =>
        DockerIgnore.Parse(text).Patterns.Select(p => p.ToString()).ToArray();

    [Fact]
    public void Reads_the_reference_file_of_patternmatchers_own_test_as_Docker_does()
    {
        var ignore = DockerIgnore.Parse("test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n");

        Assert.Equal(["test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path"], ignore.Patterns.Select(p => p.ToString()));
        Assert.True(ignore.IsValid);
    }

    [Fact]
    public void A_hash_is_a_comment_only_in_the_first_column()
    {
        Assert.Equal(["# not a comment", "a#b"], Held("# comment\n  # not a comment\na#b\n"));
    }

    [Fact]
    public void Lines_are_trimmed_and_blank_lines_skipped_with_LF_or_CRLF()
    {
        Assert.Equal(["docs", "config", "!keep"], Held("  docs  \r\n\r\n\tconfig\t\r\n   \r\n!keep\r\n"));
    }

    [Fact]
    public void A_byte_order_mark_is_dropped_from_the_first_line_only()
    {
        var ignore = DockerIgnore.Parse("\uFEFF# comment\n\uFEFFsecond\n");

        Assert.Equal(["\uFEFFsecond"], ignore.Patterns.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("./foo", "foo")]
    [InlineData("/foo", "foo")]
    [InlineData("foo/", "foo")]
    [InlineData("foo//bar/./baz", "foo/bar/baz")]
    [InlineData("foo/../bar", "bar")]
    [InlineData("/../foo", "foo")]
    [InlineData("../foo", "../foo")]
    [InlineData("**/", "**")]
    [InlineData("! ./foo/ ", "!foo")]
    [InlineData("!/foo", "!foo")]
    [InlineData("/", "/")]
    [InlineData(".", ".")]
    public void Patterns_are_cleaned_like_Go_filepath_Clean_with_the_leading_slash_removed(string line, string held)
    {
        Assert.Equal([held], Held(line));
    }

    [Theory]
    [InlineData("!")]
    [InlineData("! ")]
    [InlineData("!/")]
    public void A_lone_exclamation_mark_is_rejected_as_Docker_rejects_it(string line)
    {
        var ignore = DockerIgnore.Parse("foo\n" + line + "\n");

        Assert.False(ignore.IsValid);
        Assert.Equal(["line 2: illegal exclusion pattern: \"!\""], ignore.Errors);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("a[")]
    [InlineData("[^bc")]
    [InlineData("[]a]")]
    [InlineData("[-x]")]
    [InlineData("[x-]")]
    [InlineData("[a-b-c]")]
    [InlineData("foo\\")]
    public void A_malformed_pattern_makes_the_file_invalid_and_matches_nothing(string line)
    {
        var ignore = DockerIgnore.Parse(line + "\n");

        Assert.False(ignore.IsValid);
        Assert.StartsWith("line 1: syntax error in pattern", ignore.Errors[0], StringComparison.Ordinal);
        Assert.False(ignore.IsExcluded("a"));
    }

    [Fact]
    public void Patterns_remember_their_line_and_whether_they_are_exceptions()
    {
        var ignore = DockerIgnore.Parse("# c\nnode_modules\n\n!node_modules/keep\n");

        Assert.Collection(
            ignore.Patterns,
            p => Assert.Equal(("node_modules", false, 2), (p.Pattern, p.IsException, p.LineNumber)),
            p => Assert.Equal(("node_modules/keep", true, 4), (p.Pattern, p.IsException, p.LineNumber)));
    }

    [Fact]
    public void The_empty_ignore_file_excludes_nothing()
    {
        Assert.Empty(DockerIgnore.Empty.Patterns);
        Assert.False(DockerIgnore.Empty.IsExcluded(".git"));
        Assert.Empty(DockerIgnore.Parse(string.Empty).Patterns);
    }

    [Fact]
    public void An_unreadable_file_carries_one_error_and_no_patterns()
    {
        var ignore = DockerIgnore.Unreadable(".dockerignore");

        Assert.Equal(["cannot read .dockerignore"], ignore.Errors);
        Assert.Empty(ignore.Patterns);
    }
}
