using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>"Could any file under directory D be included?", answered from the patterns alone.</summary>
public sealed class DockerIgnoreDirectoryExclusionTests
{
    public static TheoryData<string, string, bool> Table => new()
    {
        { "", "node_modules", true },
        { "node_modules", "node_modules", false },
        { "node_modules/", "node_modules", false },
        { "/node_modules", "node_modules", false },
        { "**/node_modules", "node_modules", false },
        { "**/node_modules", "web/node_modules", false },
        { "node_modules/**", "node_modules", false },
        { "node_modules/*", "node_modules", false },
        { "**/node_modules/**", "web/node_modules", false },
        { "node_modules**", "node_modules", false },
        { "**", "node_modules", false },
        { "*", "node_modules", false },
        { "web", "web/node_modules", false },
        // Partial exclusions prove nothing.
        { "node_modules/*.js", "node_modules", true },
        { "node_modules/.cache", "node_modules", true },
        { "web/node_modules", "node_modules", true },
        // A later exception that can reach below the directory re-includes something.
        { "node_modules\n!node_modules/keep", "node_modules", true },
        { "node_modules\n!node_modules/**/*.d.ts", "node_modules", true },
        { "node_modules\n!**/*.md", "node_modules", true },
        { "node_modules\n!**/LICENSE", "node_modules", true },
        { "node_modules\n!node_modules/**", "node_modules", true },
        { "node_modules\n!other/**", "node_modules", false },
        { "node_modules\n!node_modules/a.js", "node_modules", true },
        { "node_modules\n!node_modules", "node_modules", true },
        { "*\n!src", "node_modules", false },
        { "*\n!src\n!*.json", "node_modules", false },
        { "*\n!*_modules", "node_modules", true },
        { "*\n!n?de_modules/x", "node_modules", true },
        { "*\n!other/x", "node_modules", false },
        { "*\n!node_modulesX/y", "node_modules", false },
        { "*\n![n]ode_modules", "node_modules", true },
        // An exception before the covering pattern is overridden by it.
        { "!node_modules/keep\nnode_modules", "node_modules", false },
        { "node_modules\n!node_modules/keep\nnode_modules", "node_modules", false },
        // An invalid exception is ignored (the file is invalid anyway).
        { "node_modules\n!", "node_modules", false },
        // The context root can always hold something.
        { "**", "", true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Proves_a_directory_fully_excluded_only_when_every_path_below_it_is(string dockerignore, string directory, bool couldInclude)
    {
        Assert.Equal(couldInclude, DockerIgnore.Parse(dockerignore).CouldIncludeAnythingUnder(directory));
    }

    [Theory]
    [InlineData("node_modules\n!node_modules/keep", "node_modules/keep/a.js")]
    [InlineData("node_modules\n!node_modules/**/*.d.ts", "node_modules/pkg/index.d.ts")]
    [InlineData("*\n!*_modules", "node_modules/x")]
    [InlineData("node_modules\n!**/LICENSE", "node_modules/pkg/LICENSE")]
    public void Every_claimed_re_inclusion_is_real_for_some_path(string dockerignore, string witness)
    {
        var ignore = DockerIgnore.Parse(dockerignore);

        Assert.True(ignore.CouldIncludeAnythingUnder("node_modules"));
        Assert.False(ignore.IsExcluded(witness));
    }
}
