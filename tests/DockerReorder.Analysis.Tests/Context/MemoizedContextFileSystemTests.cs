using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>The remembered answers are the answers of the file system underneath.</summary>
public sealed class MemoizedContextFileSystemTests
{
    private sealed class CountingFileSystem(IContextFileSystem inner) : IContextFileSystem
    {
        public int Calls { get; private set; }
        public bool FileExists(string path) { Calls++; return inner.FileExists(path); }
        public bool DirectoryExists(string path) { Calls++; return inner.DirectoryExists(path); }
        public IReadOnlyList<ContextEntry> ListDirectory(string path) { Calls++; return inner.ListDirectory(path); }
        public string? ReadAllText(string path) { Calls++; return inner.ReadAllText(path); }
    }

    private static readonly InMemoryContextFileSystem Tree = new(new Dictionary<string, string>
    {
        ["package.json"] = "{}",
        ["src/app/main.py"] = "print()",
        ["src/z.py"] = "",
        ["empty/"] = "",
    });

    private static readonly string[] Paths = ["", "package.json", "src", "src/app", "src/app/main.py", "src/z.py", "empty", "missing", "src/missing"];

    [Fact]
    public void Answers_as_the_file_system_underneath_and_asks_it_once()
    {
        var counting = new CountingFileSystem(Tree);
        var memo = MemoizedContextFileSystem.Over(counting);
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var path in Paths)
            {
                Assert.Equal(Tree.FileExists(path), memo.FileExists(path));
                Assert.Equal(Tree.DirectoryExists(path), memo.DirectoryExists(path));
                Assert.Equal(Tree.ListDirectory(path), memo.ListDirectory(path));
                Assert.Equal(Tree.ReadAllText(path), memo.ReadAllText(path));
            }
        }
        Assert.Equal(Paths.Length * 4, counting.Calls);
    }

    [Fact]
    public void Is_not_wrapped_twice()
    {
        var memo = MemoizedContextFileSystem.Over(Tree);
        Assert.Same(memo, MemoizedContextFileSystem.Over(memo));
        Assert.Same(Tree, memo.Inner);
    }

    [Fact]
    public void A_build_context_analyses_through_remembered_answers()
    {
        var context = BuildContext.Open(Tree, "Dockerfile");
        Assert.IsType<MemoizedContextFileSystem>(context.FileSystem);
        Assert.True(context.FileExists("package.json"));
        Assert.True(context.DirectoryExists("src/app"));
        Assert.False(context.FileExists("missing"));
    }
}
