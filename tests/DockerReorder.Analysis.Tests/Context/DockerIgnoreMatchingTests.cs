using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>
/// The specification table of .dockerignore matching: file text, a context-relative path, and
/// whether Docker leaves the path out of the context. Cases follow moby/patternmatcher's and
/// BuildKit's documented semantics.
/// </summary>
public sealed class DockerIgnoreMatchingTests
{
    public static TheoryData<string, string, bool> Table => new()
    {
        // A plain name matches only at the root, and everything under it (parent rule).
        { "node_modules", "node_modules", true },
        { "node_modules", "node_modules/left-pad/index.js", true },
        { "node_modules", "web/node_modules", false },
        { "node_modules/", "node_modules/x", true },
        { "/node_modules", "node_modules/x", true },
        { "./node_modules", "node_modules/x", true },
        // * stays in one segment; the parent rule still excludes below a match.
        { "*.md", "README.md", true },
        { "*.md", "docs/README.md", false },
        { "*/*.md", "docs/README.md", true },
        { "*", "anything", true },
        { "*", "dir/file", true },
        { "a*", "ab/c", true },
        { "a*/b", "a/c/b", false },
        { ".*", ".env", true },
        { ".*", "env", false },
        // ? is one character, never a slash.
        { "abc?def", "abcZdef", true },
        { "abc?def", "abcdef", false },
        { "a?b", "a/b", false },
        // ** spans any number of directories, zero included.
        { "**/node_modules", "node_modules", true },
        { "**/node_modules", "web/node_modules", true },
        { "**/node_modules", "a/b/node_modules/x/y", true },
        { "**/*.pyc", "a.pyc", true },
        { "**/*.pyc", "pkg/sub/a.pyc", true },
        { "**/*.pyc", "pkg/sub/a.py", false },
        { "a/**/b", "a/b", true },
        { "a/**/b", "a/x/y/b", true },
        { "a/**/b", "a/x/y/c", false },
        { "dir/**", "dir", false },
        { "dir/**", "dir/file", true },
        { "dir/**", "dir/sub/file", true },
        { "**", "anything/at/all", true },
        { "**file", "dir/dir/file", true },
        { "a**/*.txt", "a/dir/dir/file.txt", true },
        { "**/.foo", "bar.foo", false },
        // Character classes and escapes.
        { "a[b-d]e", "ace", true },
        { "a[b-d]e", "aae", false },
        { "a[^b-d]e", "aze", true },
        { "[\\]a]", "]", true },
        { "a\\*b", "a*b", true },
        { "a\\*b", "axb", false },
        { "a\\\\", "a\\", true },
        // Regular-expression characters are literal.
        { "abc.def", "abcZdef", false },
        { "a(b)c/def", "a(b)c/def", true },
        { "a.|)$(}+{bc", "a.|)$(}+{bc", true },
        { "dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true },
        // A newline in a path is not an end of text.
        { "*.md", "a.md\n", false },
        // Exceptions: the last matching pattern wins.
        { "*.md\n!README.md", "README.md", false },
        { "*.md\n!README.md", "CHANGES.md", true },
        { "!README.md\n*.md", "README.md", true },
        { "docs\n!docs/README.md", "docs/README.md", false },
        { "docs\n!docs/README.md", "docs/other.md", true },
        { "docs/*\n!docs/README.md", "docs/README.md", false },
        { "**\n!util/docker/web", "util/docker/web/foo", false },
        { "**\n!util/docker/web\nutil/docker/web/foo", "util/docker/web/foo", true },
        { "**\n!dist/*.whl", "dist/a.whl", false },
        { "*\n!src", "src/main.py", false },
        { "*\n!src", "tests/test_main.py", true },
        { "node_modules\n!node_modules/keep\nnode_modules", "node_modules/keep/x", true },
        // An exception re-includes below an excluded parent (unlike .gitignore).
        { "build\n!build/app.jar", "build/app.jar", false },
        // Paths are normalised before matching; the root is never excluded.
        { "node_modules", "./node_modules/x", true },
        { "node_modules", "/node_modules/x/", true },
        { "**", "", false },
        { "*", ".", false },
        // A leading-whitespace comment is a pattern.
        { "  # secret", "# secret", true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decides_like_Docker(string dockerignore, string path, bool excluded)
    {
        Assert.Equal(excluded, DockerIgnore.Parse(dockerignore).IsExcluded(path));
    }

    [Theory]
    [InlineData("**", "file", true, true)]
    [InlineData("**/dir", "dir/file", false, true)]
    [InlineData("**/dir2/*", "dir/dir2/file", true, true)]
    [InlineData("**/dir2/**", "dir/dir2/dir3/file", true, true)]
    [InlineData("abc/**", "abc", false, false)]
    [InlineData("docs", "docs/a", false, true)]
    [InlineData("*.go", "a/b.go", false, false)]
    public void A_single_pattern_matches_exactly_or_through_a_parent_directory(string pattern, string path, bool exactly, bool orParent)
    {
        var parsed = DockerIgnore.Parse(pattern).Patterns.Single();

        Assert.Equal(exactly, parsed.MatchesExactly(path));
        Assert.Equal(orParent, parsed.MatchesOrParentMatches(path));
    }
}
