using DockerReorder.Analysis.Explain;

namespace DockerReorder.Cli.Tests.Explain;

/// <summary>The cache rule behind --explain, on hand-built stages.</summary>
public sealed class SourceEditPredictionTests
{
    private static readonly ManifestSourceClassifier Classifier = new([], null);

    private static CacheStep From(int line) => new(line, "FROM x", [], [], IsFrom: true);
    private static CacheStep Copy(int line, params string[] sources) /* sources only, no destination */ => new(line, "COPY " + string.Join(' ', sources), sources, []);
    private static CacheStep Run(int line, string text) => new(line, "RUN " + text, [], []);
    private static CacheStep CopyFrom(int line, int stage) => new(line, $"COPY --from={stage}", [], [stage]);

    /// <summary>The design example before the fix: the broad copy misses and both installs rerun.</summary>
    [Fact]
    public void Broad_copy_first_reruns_everything_after_it()
    {
        var stage = new CacheStage(0, null, null, [From(1), new CacheStep(2, "WORKDIR /app", [], []), Copy(3, "."), Run(4, "apk add gcc"), Run(5, "pip install -r requirements.txt")]);
        var result = SourceEditPrediction.Predict([stage], Classifier.IsManifestOnly).Single();
        Assert.Equal([3, 4, 5], result.Rerun.Select(s => s.Line));
        Assert.Equal(5, result.TotalSteps);
    }

    /// <summary>After the fix: the manifest copy hits, only the broad copy at the end reruns.</summary>
    [Fact]
    public void Manifest_copy_hits_and_only_the_final_broad_copy_reruns()
    {
        var stage = new CacheStage(0, "base", null, [From(1), Run(2, "apk add gcc"), Copy(3, "requirements.txt"), Run(4, "pip install"), Copy(5, ".")]);
        var result = SourceEditPrediction.Predict([stage], Classifier.IsManifestOnly).Single();
        Assert.Equal([5], result.Rerun.Select(s => s.Line));
    }

    /// <summary>A stage that copies from a stage that reran misses there; a stage built FROM it misses from the start; an unrelated stage stays cached.</summary>
    [Fact]
    public void Stage_dependencies_propagate_misses()
    {
        var build = new CacheStage(0, "build", null, [From(1), Copy(2, "."), Run(3, "make")]);
        var deps = new CacheStage(1, "deps", null, [From(4), Copy(5, "go.mod", "go.sum"), Run(6, "go mod download")]);
        var final = new CacheStage(2, null, null, [From(7), Run(8, "apk add ca-certificates"), CopyFrom(9, 0), Run(10, "true")]);
        var derived = new CacheStage(3, null, 0, [From(11), Run(12, "echo hi")]);
        var fromDeps = new CacheStage(4, null, null, [From(13), CopyFrom(14, 1)]);
        var result = SourceEditPrediction.Predict([build, deps, final, derived, fromDeps], Classifier.IsManifestOnly);
        Assert.Equal([2, 3], result[0].Rerun.Select(s => s.Line));
        Assert.Empty(result[1].Rerun);
        Assert.Equal([9, 10], result[2].Rerun.Select(s => s.Line));
        Assert.Equal([12], result[3].Rerun.Select(s => s.Line));
        Assert.Empty(result[4].Rerun);
    }

    /// <summary>A bind mount of the context is a context read.</summary>
    [Fact]
    public void Bind_mount_of_the_context_misses()
    {
        var stage = new CacheStage(0, null, null, [From(1), new CacheStep(2, "RUN --mount=type=bind make", ["."], []), Run(3, "echo")]);
        Assert.Equal([2, 3], SourceEditPrediction.Predict([stage], Classifier.IsManifestOnly).Single().Rerun.Select(s => s.Line));
    }

    /// <summary>The Spring Boot guide's build stage: the Maven wrapper, its folder and the POM stay cached; only the source copy and the build rerun.</summary>
    [Fact]
    public void Maven_wrapper_copies_stay_cached()
    {
        var stage = new CacheStage(0, "build", null, [From(1), Copy(2, "mvnw"), Copy(3, ".mvn"), Copy(4, "pom.xml"), Copy(5, "src"), Run(6, "./mvnw install -DskipTests")]);
        Assert.Equal([5, 6], SourceEditPrediction.Predict([stage], Classifier.IsManifestOnly).Single().Rerun.Select(s => s.Line));
    }

    /// <summary>Configuration the fix copies with the manifests (pnpm's hooks file, dotnet's tool manifest) changes with the dependencies, not with the source.</summary>
    [Theory]
    [InlineData(".pnpmfile.cjs")]
    [InlineData(".config/dotnet-tools.json")]
    [InlineData("requirements/base.txt")]
    [InlineData(".cargo/config.toml")]
    [InlineData("rust-toolchain.toml")]
    public void Package_manager_configuration_is_manifest_only(string source) => Assert.True(Classifier.IsManifestOnly(source));

    /// <summary>The explanation line format the engine suite reads.</summary>
    [Fact]
    public void Formats_one_line_per_stage()
    {
        var before = new CacheStage(0, "base", null, [From(1), Copy(2, "."), Run(3, "apk add gcc")]);
        var after = new CacheStage(0, "base", null, [From(1), Run(2, "apk add gcc"), Copy(3, ".")]);
        var lines = RebuildExplanation.Format(
            SourceEditPrediction.Predict([before], Classifier.IsManifestOnly),
            SourceEditPrediction.Predict([after], Classifier.IsManifestOnly));
        Assert.Equal(["stage 0 (base): before: 2 of 3 steps rerun (COPY . line 2, RUN apk add gcc line 3); after: 1 of 3 (COPY . line 3)"], lines);
    }

    /// <summary>A stage with nothing to rerun says 0 of N without a list.</summary>
    [Fact]
    public void Formats_a_fully_cached_stage()
    {
        var s = new CacheStage(1, null, null, [From(1), Run(2, "echo")]);
        var p = SourceEditPrediction.Predict([new CacheStage(0, null, null, [From(1)]), s], Classifier.IsManifestOnly);
        Assert.Equal("stage 1: before: 0 of 2 steps rerun; after: 0 of 2", RebuildExplanation.Format(p, p)[1]);
    }

    /// <summary>Display text collapses whitespace and is cut at 40 characters.</summary>
    [Fact]
    public void Shortens_display_text() =>
        Assert.Equal("RUN apt-get update && apt-get install...", CacheStageReader.Shorten("RUN  apt-get update\n  && apt-get install -y gcc make cmake"));
}
