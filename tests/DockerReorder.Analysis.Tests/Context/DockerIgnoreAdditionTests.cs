using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>The text DR003's unsafe fix writes into the ignore file.</summary>
public sealed class DockerIgnoreAdditionTests
{
    private static (BuildContext Context, DockerIgnoreAddition? Addition) Fix(params (string Path, string Content)[] files)
    {
        var context = BuildContext.Open(new InMemoryContextFileSystem(files.ToDictionary(f => f.Path, f => f.Content)), "Dockerfile");
        return (context, DockerIgnoreAddition.For(context, VcsAndDependencyFolders.FindNotExcluded(context)));
    }

    [Fact]
    public void Creates_a_root_dockerignore_when_there_is_none()
    {
        var (_, addition) = Fix(("Dockerfile", ""), (".git/HEAD", ""), ("node_modules/a/x.js", ""));

        Assert.NotNull(addition);
        Assert.True(addition.CreatesFile);
        Assert.Equal(".dockerignore", addition.Path);
        Assert.Equal(DockerIgnoreAddition.Comment + "\n.git\n**/node_modules\n", addition.NewText);
    }

    [Fact]
    public void Appends_to_the_existing_file_keeping_CRLF_and_adding_the_missing_final_newline()
    {
        var (_, addition) = Fix((".dockerignore", "*.log\r\n!keep.log"), (".git/HEAD", ""));

        Assert.NotNull(addition);
        Assert.False(addition.CreatesFile);
        Assert.Equal("\r\n" + DockerIgnoreAddition.Comment + "\r\n.git\r\n", addition.TextToAppend);
        Assert.Equal("*.log\r\n!keep.log\r\n" + DockerIgnoreAddition.Comment + "\r\n.git\r\n", addition.NewText);
    }

    [Fact]
    public void Appends_to_the_Dockerfile_specific_file_when_that_one_is_in_force()
    {
        var (_, addition) = Fix(("Dockerfile.dockerignore", "x\n"), (".dockerignore", ".git\n"), (".git/HEAD", ""));

        Assert.NotNull(addition);
        Assert.Equal("Dockerfile.dockerignore", addition.Path);
        Assert.Equal("x\n" + DockerIgnoreAddition.Comment + "\n.git\n", addition.NewText);
    }

    [Fact]
    public void The_appended_lines_override_an_earlier_exception_and_the_result_excludes_everything_found()
    {
        var (context, addition) = Fix((".dockerignore", "node_modules\n!node_modules/keep\n"), ("node_modules/keep/x.js", ""), ("web/node_modules/y", ""));

        Assert.NotNull(addition);
        var fixedContext = BuildContext.Open(
            new InMemoryContextFileSystem(new Dictionary<string, string> { [".dockerignore"] = addition.NewText, ["node_modules/keep/x.js"] = "", ["web/node_modules/y"] = "" }),
            "Dockerfile");
        Assert.Equal(["**/node_modules"], addition.Lines);
        Assert.Empty(VcsAndDependencyFolders.FindNotExcluded(fixedContext));
        Assert.NotEmpty(VcsAndDependencyFolders.FindNotExcluded(context));
    }

    [Fact]
    public void Build_output_alone_gives_no_addition()
    {
        var (context, addition) = Fix(("Cargo.toml", ""), ("target/debug/app", ""));

        Assert.Single(VcsAndDependencyFolders.FindNotExcluded(context));
        Assert.Null(addition);
    }

    [Fact]
    public void Nothing_to_add_gives_no_addition()
    {
        Assert.Null(Fix(("Dockerfile", ""), ("src/app.py", "")).Addition);
    }

    [Fact]
    public void An_unreadable_ignore_file_in_force_cannot_be_extended()
    {
        var files = new InMemoryContextFileSystem([new(".dockerignore", null), new(".git/HEAD", "")]);
        var context = BuildContext.Open(files, "Dockerfile");

        Assert.Null(DockerIgnoreAddition.For(context, VcsAndDependencyFolders.FindNotExcluded(context)));
    }
}
