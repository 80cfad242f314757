using DockerReorder.Analysis.Context;

namespace DockerReorder.Analysis.Tests.Context;

/// <summary>The build context as a broad COPY sees it: files minus the ignore file in force.</summary>
public sealed class BuildContextTests
{
    private static InMemoryContextFileSystem Files(params (string Path, string? Content)[] files) =>
        new(files.Select(f => new KeyValuePair<string, string?>(f.Path, f.Content)));

    [Fact]
    public void Without_an_ignore_file_everything_is_included()
    {
        var context = BuildContext.Open(Files(("Dockerfile", "FROM x"), ("src/app.py", "")), "Dockerfile");

        Assert.Null(context.DockerIgnorePath);
        Assert.Empty(context.DockerIgnore.Patterns);
        Assert.True(context.FileExists("src/app.py"));
    }

    [Fact]
    public void The_root_dockerignore_applies_when_there_is_no_Dockerfile_specific_one()
    {
        var context = BuildContext.Open(Files(("Dockerfile", ""), (".dockerignore", "*.log\n"), ("a.log", "")), "Dockerfile");

        Assert.Equal(".dockerignore", context.DockerIgnorePath);
        Assert.False(context.FileExists("a.log"));
    }

    [Fact]
    public void A_Dockerfile_specific_ignore_file_next_to_the_Dockerfile_takes_precedence()
    {
        var files = Files(
            ("docker/app.Dockerfile", "FROM x"),
            ("docker/app.Dockerfile.dockerignore", "secret.txt\n"),
            (".dockerignore", "*.log\n"),
            ("secret.txt", ""),
            ("a.log", ""));

        var context = BuildContext.Open(files, "docker/app.Dockerfile");

        Assert.Equal("docker/app.Dockerfile.dockerignore", context.DockerIgnorePath);
        Assert.False(context.FileExists("secret.txt"));
        Assert.True(context.FileExists("a.log"));
    }

    [Fact]
    public void The_default_Dockerfile_has_its_own_specific_ignore_file_too()
    {
        var files = Files(("Dockerfile", ""), ("Dockerfile.dockerignore", "b\n"), (".dockerignore", "a\n"), ("a", ""), ("b", ""));

        var context = BuildContext.Open(files, "./Dockerfile");

        Assert.Equal("Dockerfile.dockerignore", context.DockerIgnorePath);
        Assert.True(context.FileExists("a"));
        Assert.False(context.FileExists("b"));
    }

    [Fact]
    public void An_empty_Dockerfile_specific_ignore_file_still_overrides_the_root_one()
    {
        var files = Files(("Dockerfile", ""), ("Dockerfile.dockerignore", ""), (".dockerignore", "*\n"), ("a", ""));

        var context = BuildContext.Open(files, "Dockerfile");

        Assert.Equal("Dockerfile.dockerignore", context.DockerIgnorePath);
        Assert.True(context.FileExists("a"));
    }

    [Fact]
    public void The_specific_file_is_looked_up_beside_the_Dockerfile_not_at_the_root()
    {
        var files = Files(("docker/Dockerfile", ""), ("Dockerfile.dockerignore", "a\n"), (".dockerignore", "b\n"), ("a", ""), ("b", ""));

        var context = BuildContext.Open(files, "docker/Dockerfile");

        Assert.Equal(".dockerignore", context.DockerIgnorePath);
    }

    [Fact]
    public void A_Dockerfile_outside_the_context_uses_the_root_dockerignore()
    {
        var context = BuildContext.Open(Files((".dockerignore", "a\n"), ("a", "")), dockerfilePath: null);

        Assert.Equal(".dockerignore", context.DockerIgnorePath);
        Assert.False(context.IsIncluded("a"));
    }

    [Fact]
    public void The_caller_can_supply_ignore_rules_read_elsewhere()
    {
        var context = BuildContext.Open(Files(("a", "")), DockerIgnore.Parse("a\n"), "../Dockerfile.dockerignore");

        Assert.Equal("../Dockerfile.dockerignore", context.DockerIgnorePath);
        Assert.False(context.FileExists("a"));
        Assert.Null(BuildContext.Open(Files(("a", "")), null, "ignored").DockerIgnorePath);
    }

    [Fact]
    public void An_unreadable_ignore_file_makes_the_rules_invalid()
    {
        var context = BuildContext.Open(Files((".dockerignore", null), ("a", "")), "Dockerfile");

        Assert.False(context.DockerIgnore.IsValid);
        Assert.Equal(["cannot read .dockerignore"], context.DockerIgnore.Errors);
    }

    [Fact]
    public void Reading_answers_null_for_missing_excluded_and_unreadable_files()
    {
        var files = Files((".dockerignore", "secret\n"), ("secret", "s"), ("broken", null), ("ok", "text"));
        var context = BuildContext.Open(files, null);

        Assert.Equal("text", context.ReadAllText("./ok"));
        Assert.Null(context.ReadAllText("secret"));
        Assert.Null(context.ReadAllText("broken"));
        Assert.Null(context.ReadAllText("missing"));
    }

    [Fact]
    public void Inclusion_needs_existence_and_no_exclusion()
    {
        var files = Files((".dockerignore", "logs\n"), ("logs/a.log", ""), ("src/a.py", ""));
        var context = BuildContext.Open(files, null);

        Assert.True(context.IsIncluded("src"));
        Assert.True(context.IsIncluded("src/a.py"));
        Assert.True(context.IsIncluded(""));
        Assert.False(context.IsIncluded("logs"));
        Assert.False(context.IsIncluded("logs/a.log"));
        Assert.False(context.IsIncluded("nope"));
        Assert.False(context.FileExists("src"));
    }

    [Fact]
    public void An_excluded_directory_with_a_re_included_file_is_still_sent()
    {
        var files = Files((".dockerignore", "build\n!build/app.jar\n"), ("build/app.jar", ""), ("build/tmp.o", ""), ("logs/x", ""));
        var context = BuildContext.Open(files, null);

        Assert.True(context.DirectoryExists("build"));
        Assert.True(context.FileExists("build/app.jar"));
        Assert.False(context.FileExists("build/tmp.o"));
        Assert.Equal([new ContextEntry("app.jar", false)], context.ListDirectory("build"));
    }

    [Fact]
    public void Listing_leaves_out_excluded_entries()
    {
        var files = Files((".dockerignore", ".git\n*.log\n"), (".git/HEAD", ""), ("a.log", ""), ("b.txt", ""), ("src/x", ""));
        var context = BuildContext.Open(files, null);

        Assert.Equal(
            [new ContextEntry(".dockerignore", false), new ContextEntry("b.txt", false), new ContextEntry("src", true)],
            context.ListDirectory(""));
    }

    [Fact]
    public void Glob_expands_COPY_wildcards_one_segment_at_a_time()
    {
        var files = Files(
            ("package.json", ""), ("package-lock.json", ""), ("packages/a/package.json", ""),
            ("packages/b/package.json", ""), ("packages/b/src/x.js", ""), ("requirements.txt", ""),
            ("requirements-dev.txt", ""), ("req/requirements.txt", ""));
        var context = BuildContext.Open(files, null);

        Assert.Equal(["package-lock.json", "package.json"], context.Glob("package*.json"));
        Assert.Equal(["packages/a/package.json", "packages/b/package.json"], context.Glob("packages/*/package.json"));
        Assert.Equal(["requirements-dev.txt", "requirements.txt"], context.Glob("requirements*.txt"));
        Assert.Equal(["requirements.txt"], context.Glob("requirement?.txt"));
        Assert.Equal(["packages/a", "packages/b"], context.Glob("packages/[ab]"));
        Assert.Equal(["package.json"], context.Glob("*.json", "packages/a").Select(p => p[("packages/a/".Length)..]));
        Assert.Equal(["package-lock.json", "package.json", "requirements-dev.txt", "requirements.txt"], context.Glob("./*.*"));
    }

    [Fact]
    public void Glob_double_star_is_a_single_segment_star_as_in_COPY()
    {
        var context = BuildContext.Open(Files(("a/b/c.txt", ""), ("a/c.txt", "")), null);

        Assert.Equal(["a/c.txt"], context.Glob("a/**.txt"));
        Assert.Equal(["a/b/c.txt"], context.Glob("a/**/c.txt"));
    }

    [Fact]
    public void Glob_skips_excluded_files_and_returns_nothing_for_malformed_patterns()
    {
        var files = Files((".dockerignore", "*.lock\n"), ("a.lock", ""), ("a.json", ""));
        var context = BuildContext.Open(files, null);

        Assert.Equal(["a.json"], context.Glob("a.*"));
        Assert.Empty(context.Glob("a.[lock"));
        Assert.Empty(context.Glob("../*"));
        Assert.Empty(context.Glob("nothing*"));
    }

    [Fact]
    public void Glob_takes_segments_before_the_first_wildcard_as_written_and_matches_the_rest()
    {
        var context = BuildContext.Open(Files(("we*rd/x.txt", ""), ("weird/x.txt", ""), ("we\\*rd/y.txt", ""), ("a/b*c/d.txt", ""), ("a/bxc/d.txt", "")), null);

        // An escaped star before any wildcard stays a backslash in the name, as in BuildKit.
        Assert.Equal(["we\\*rd/y.txt"], context.Glob("we\\*rd/*.txt"));
        // After the first wildcard every segment is a pattern, so an escape means the literal character.
        Assert.Equal(["a/b*c/d.txt"], context.Glob("?/b\\*c/d.txt"));
        Assert.Equal(["a/b*c/d.txt", "a/bxc/d.txt"], context.Glob("?/b*c/d.txt"));
    }

    [Fact]
    public void Glob_of_a_source_without_wildcards_is_the_path_itself_when_sent()
    {
        var files = Files((".dockerignore", "secret\n"), ("package.json", ""), ("src/a.py", ""), ("secret", ""));
        var context = BuildContext.Open(files, null);

        Assert.Equal(["package.json"], context.Glob("./package.json"));
        Assert.Equal(["src"], context.Glob("src/"));
        Assert.Empty(context.Glob("secret"));
        Assert.Empty(context.Glob("missing.txt"));
    }

    [Fact]
    public void Glob_under_a_missing_or_excluded_literal_directory_finds_nothing()
    {
        var files = Files((".dockerignore", "build\n"), ("build/a.jar", ""));
        var context = BuildContext.Open(files, null);

        Assert.Empty(context.Glob("build/*.jar"));
        Assert.Empty(context.Glob("nowhere/*.jar"));
    }

    [Fact]
    public void Nothing_under_a_fully_excluded_directory_is_included()
    {
        var files = Files((".dockerignore", "node_modules\n"), ("node_modules/a/index.js", ""));
        var context = BuildContext.Open(files, null);

        Assert.False(context.HasIncludedEntriesUnder("node_modules"));
        Assert.True(context.ExcludesAll("node_modules"));
    }

    [Fact]
    public void An_exception_that_re_includes_a_real_file_under_the_directory_counts()
    {
        var files = Files((".dockerignore", "node_modules\n!node_modules/**/*.d.ts\n"), ("node_modules/a/index.js", ""), ("node_modules/a/index.d.ts", ""));
        var context = BuildContext.Open(files, null);

        Assert.True(context.HasIncludedEntriesUnder("node_modules"));
        Assert.False(context.ExcludesAll("node_modules"));
    }

    [Fact]
    public void An_exception_that_matches_no_real_file_brings_nothing_in_but_proves_nothing_either()
    {
        var files = Files((".dockerignore", "node_modules\n!node_modules/**/*.d.ts\n"), ("node_modules/a/index.js", ""));
        var context = BuildContext.Open(files, null);

        Assert.False(context.HasIncludedEntriesUnder("node_modules"));
        Assert.False(context.ExcludesAll("node_modules"));
    }

    [Fact]
    public void A_directory_that_is_not_excluded_has_included_entries_and_the_walk_stops_at_the_first()
    {
        var entries = Enumerable.Range(0, 50).Select(i => ($"node_modules/p{i}/index.js", (string?)""));
        var files = Files([.. entries]);
        var context = BuildContext.Open(files, null);

        Assert.True(context.HasIncludedEntriesUnder("node_modules"));
        Assert.Equal(1, files.ListDirectoryCalls);
    }

    [Fact]
    public void A_subtree_the_patterns_exclude_entirely_is_not_walked()
    {
        var entries = Enumerable.Range(0, 50).Select(i => ($"node_modules/p{i}/index.js", (string?)""));
        var files = Files([(".dockerignore", "*\n!src\n"), .. entries, ("src/a.py", "")]);
        var context = BuildContext.Open(files, null);

        Assert.True(context.HasIncludedEntriesUnder(""));
        Assert.False(context.HasIncludedEntriesUnder("node_modules"));
        Assert.False(context.DirectoryExists("node_modules"));
        Assert.Equal(1, files.ListDirectoryCalls);
    }

    [Fact]
    public void A_missing_directory_has_no_included_entries()
    {
        var context = BuildContext.Open(Files(("a", "")), null);

        Assert.False(context.HasIncludedEntriesUnder("node_modules"));
        Assert.False(context.ExcludesAll("node_modules"));
    }

    [Fact]
    public void ExcludesAll_is_a_proof_from_the_patterns_alone()
    {
        var context = BuildContext.Open(Files((".dockerignore", "**/node_modules\n")), null);

        Assert.True(context.ExcludesAll("node_modules"));
        Assert.True(context.ExcludesAll("packages/web/node_modules"));
        Assert.False(context.ExcludesAll("vendor"));
    }
}
