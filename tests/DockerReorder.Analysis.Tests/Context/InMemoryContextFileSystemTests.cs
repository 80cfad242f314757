using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>The in-memory context used by analysis tests.</summary>
public sealed class InMemoryContextFileSystemTests
{
    private static readonly InMemoryContextFileSystem Tree = new(new Dictionary<string, string>
    {
        ["b.txt"] = "bee",
        ["src/app/main.py"] = "print()",
        ["./src/z.py"] = "",
        ["empty/"] = "",
        ["A.txt"] = "",
    });

    [Fact]
    public void Directories_are_implied_by_file_paths()
    {
        Assert.True(Tree.DirectoryExists("src"));
        Assert.True(Tree.DirectoryExists("src/app"));
        Assert.True(Tree.DirectoryExists(""));
        Assert.True(Tree.DirectoryExists("empty"));
        Assert.False(Tree.FileExists("src"));
        Assert.False(Tree.DirectoryExists("b.txt"));
    }

    [Fact]
    public void Listings_are_sorted_ordinally()
    {
        Assert.Equal(
            [new ContextEntry("A.txt", false), new ContextEntry("b.txt", false), new ContextEntry("empty", true), new ContextEntry("src", true)],
            Tree.ListDirectory(""));
        Assert.Equal([new ContextEntry("app", true), new ContextEntry("z.py", false)], Tree.ListDirectory("src/"));
        Assert.Empty(Tree.ListDirectory("missing"));
    }

    [Fact]
    public void Paths_are_normalised_on_the_way_in_and_out()
    {
        Assert.True(Tree.FileExists("src/z.py"));
        Assert.Equal("print()", Tree.ReadAllText("./src/app/main.py"));
        Assert.Null(Tree.ReadAllText("missing"));
    }

    [Fact]
    public void A_null_content_is_a_file_that_cannot_be_read()
    {
        var tree = new InMemoryContextFileSystem([new KeyValuePair<string, string?>("locked", null)]);

        Assert.True(tree.FileExists("locked"));
        Assert.Null(tree.ReadAllText("locked"));
    }

    [Theory]
    [InlineData("a", "a/b")]
    [InlineData("a/b", "a")]
    public void A_path_cannot_be_both_a_file_and_a_directory(string first, string second)
    {
        Assert.Throws<ArgumentException>(() => new InMemoryContextFileSystem(new Dictionary<string, string> { [first] = "", [second] = "" }));
    }

    [Fact]
    public void Paths_outside_the_context_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new InMemoryContextFileSystem(new Dictionary<string, string> { ["../x"] = "" }));
    }
}
