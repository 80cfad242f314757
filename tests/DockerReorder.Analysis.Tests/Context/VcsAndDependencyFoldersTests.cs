using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>DR003's knowledge: which VCS and dependency folders a broad copy would bring in.</summary>
public sealed class VcsAndDependencyFoldersTests
{
    private static BuildContext Context(params (string Path, string Content)[] files) =>
        BuildContext.Open(new InMemoryContextFileSystem(files.ToDictionary(f => f.Path, f => f.Content)), "Dockerfile");

    private static string[] Found(BuildContext context) =>
        VcsAndDependencyFolders.FindNotExcluded(context).Select(f => f.Path).ToArray();

    [Fact]
    public void Finds_git_and_node_modules_when_nothing_excludes_them()
    {
        var context = Context(("Dockerfile", ""), (".git/HEAD", ""), ("node_modules/a/index.js", ""), ("package.json", ""));

        Assert.Equal([".git", "node_modules"], Found(context));
    }

    [Fact]
    public void Finds_nothing_when_the_dockerignore_excludes_them()
    {
        var context = Context((".dockerignore", ".git\n**/node_modules\n"), (".git/HEAD", ""), ("node_modules/a/index.js", ""), ("web/node_modules/b/x.js", ""));

        Assert.Empty(Found(context));
    }

    [Fact]
    public void A_folder_re_included_by_an_exception_is_found()
    {
        var context = Context((".dockerignore", "node_modules\n!node_modules/keep\n"), ("node_modules/keep/x.js", ""));

        Assert.Equal(["node_modules"], Found(context));
    }

    [Fact]
    public void Nested_node_modules_of_a_monorepo_are_found_a_few_levels_down()
    {
        var context = Context(("packages/web/node_modules/a/x.js", ""), ("packages/web/package.json", ""), ("deep/1/2/3/4/node_modules/x", ""));

        Assert.Equal(["packages/web/node_modules"], Found(context));
    }

    [Fact]
    public void The_search_does_not_descend_into_found_or_excluded_folders()
    {
        var context = Context(("node_modules/a/node_modules/b/x.js", ""), ("dist/node_modules/x", ""), (".dockerignore", "dist\n"));

        Assert.Equal(["node_modules"], Found(context));
    }

    [Fact]
    public void A_virtualenv_named_venv_counts_only_with_pyvenv_cfg()
    {
        Assert.Equal(["venv"], Found(Context(("venv/pyvenv.cfg", ""), ("venv/bin/python", ""))));
        Assert.Empty(Found(Context(("venv/__init__.py", ""))));
        Assert.Equal([".venv"], Found(Context((".venv/bin/python", ""))));
    }

    [Fact]
    public void Vendor_counts_for_Composer_and_Bundler_but_never_for_Go()
    {
        Assert.Equal(["vendor"], Found(Context(("composer.json", "{}"), ("vendor/autoload.php", ""))));
        Assert.Equal(["vendor/bundle"], Found(Context(("Gemfile", ""), ("vendor/bundle/ruby/x", ""))));
        Assert.Empty(Found(Context(("go.mod", ""), ("vendor/modules.txt", ""), ("vendor/github.com/x/y.go", ""))));
    }

    [Fact]
    public void Build_output_needs_its_project_file_beside_it()
    {
        Assert.Equal(["target"], Found(Context(("Cargo.toml", ""), ("target/debug/app", ""))));
        Assert.Empty(Found(Context(("target/notes.txt", ""))));
        Assert.Equal(["src/Api/obj", "src/Api/bin"], Found(Context(("src/Api/Api.csproj", ""), ("src/Api/obj/project.assets.json", ""), ("src/Api/bin/Debug/x.dll", ""))));
        Assert.Empty(Found(Context(("bin/run.sh", ""), ("package.json", ""))));
    }

    [Fact]
    public void Python_caches_are_found_at_any_depth()
    {
        var context = Context(("app/__pycache__/m.cpython-312.pyc", ""), (".pytest_cache/v/x", ""));

        Assert.Equal(["app/__pycache__", ".pytest_cache"], Found(context));
    }

    [Fact]
    public void Build_output_is_reported_but_not_added_by_the_fix()
    {
        var target = VcsAndDependencyFolders.All.Single(f => f.Name == "target");
        var git = VcsAndDependencyFolders.All.Single(f => f.Name == ".git");

        Assert.Equal(IgnorableFolderKind.BuildOutput, target.Kind);
        Assert.False(target.IsAddedByFix);
        Assert.True(git.IsAddedByFix);
    }

    [Fact]
    public void Every_catalogue_line_excludes_its_own_folder_completely()
    {
        foreach (var folder in VcsAndDependencyFolders.All)
        {
            var ignore = DockerIgnore.Parse(folder.IgnoreLine);
            Assert.True(ignore.IsValid, folder.IgnoreLine);
            Assert.False(ignore.CouldIncludeAnythingUnder(folder.Name), folder.IgnoreLine);
        }
    }
}
