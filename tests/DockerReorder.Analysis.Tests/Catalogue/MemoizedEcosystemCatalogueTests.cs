using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Tests.Catalogue;

public sealed class MemoizedEcosystemCatalogueTests
{
    private static IReadOnlyDictionary<string, string> Known(params (string Name, string? Value)[] variables) =>
        VariableSet.From(variables.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).Known;

    private static RunStep Step(IReadOnlyDictionary<string, string> environment) =>
        new("pip install -r $REQUIREMENTS", null, [], [], "/app", environment);

    private static ManifestLookup Read(string path) => path.EndsWith("requirements.txt", StringComparison.Ordinal)
        ? new ManifestLookup(ManifestState.Present, "flask\n") : ManifestLookup.Absent;

    [Fact]
    public void An_equal_environment_of_another_model_reuses_the_verdict()
    {
        var memo = MemoizedEcosystemCatalogue.Over(EcosystemCatalogue.Default);
        var first = memo.Classify(Step(Known(("REQUIREMENTS", "requirements.txt"), ("ARG", null))), Read);
        var again = memo.Classify(Step(Known(("ARG", null), ("REQUIREMENTS", "requirements.txt"))), Read);
        Assert.Same(first, again);
    }

    [Fact]
    public void A_different_environment_is_classified_afresh_and_gives_the_catalogue_verdict()
    {
        var memo = MemoizedEcosystemCatalogue.Over(EcosystemCatalogue.Default);
        var first = memo.Classify(Step(Known(("REQUIREMENTS", "requirements.txt"))), Read);
        var other = Known(("REQUIREMENTS", "dev-requirements.txt"));
        var second = memo.Classify(Step(other), Read);
        Assert.NotSame(first, second);
        var fresh = EcosystemCatalogue.Default.Classify(Step(other), Read);
        Assert.Equal(fresh.Kind, second.Kind);
        Assert.Equal(fresh.Reads(), second.Reads());
    }

    [Fact]
    public void A_model_environment_and_a_plain_dictionary_with_the_same_entries_get_the_same_verdict()
    {
        var memo = MemoizedEcosystemCatalogue.Over(EcosystemCatalogue.Default);
        var shared = memo.Classify(Step(Known(("REQUIREMENTS", "requirements.txt"))), Read);
        var plain = memo.Classify(Step(new Dictionary<string, string> { ["REQUIREMENTS"] = "requirements.txt" }), Read);
        Assert.Equal(shared.Kind, plain.Kind);
        Assert.Equal(shared.Reads(), plain.Reads());
    }

    [Fact]
    public void A_step_longer_than_the_key_buffer_is_told_apart_by_its_last_character_and_found_again()
    {
        var memo = MemoizedEcosystemCatalogue.Over(EcosystemCatalogue.Default);
        var padding = new string(' ', 1000);
        RunStep Long(string script) => new("pip install -r requirements.txt" + padding + script, null, [], [], "/app", new Dictionary<string, string>());
        var first = memo.Classify(Long("&& true"), Read);
        var other = memo.Classify(Long("&& make"), Read);
        var again = memo.Classify(Long("&& true"), Read);
        Assert.NotSame(first, other);
        Assert.Same(first, again);
        Assert.Equal(EcosystemCatalogue.Default.Classify(Long("&& make"), Read).Kind, other.Kind);
    }

    [Fact]
    public void A_workspace_whose_member_folders_changed_is_classified_afresh()
    {
        var memo = MemoizedEcosystemCatalogue.Over(EcosystemCatalogue.Default);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["package.json"] = """{ "workspaces": ["packages/*"] }""",
            ["packages/a/package.json"] = """{ "name": "a" }""",
            ["packages/b/package.json"] = """{ "name": "b" }""",
        };
        ManifestLookup ReadWorkspace(string path) =>
            files.TryGetValue(path, out var text) ? new ManifestLookup(ManifestState.Present, text) : ManifestLookup.Absent;
        RunStep Install(params string[] members) =>
            new("npm ci", null, [], [], "/app", new Dictionary<string, string>()) { ListFolders = path => path == "packages" ? members : [] };
        var one = memo.Classify(Install("a"), ReadWorkspace);
        var two = memo.Classify(Install("a", "b"), ReadWorkspace);
        var oneAgain = memo.Classify(Install("a"), ReadWorkspace);
        Assert.NotSame(one, two);
        Assert.Same(one, oneAgain);
        Assert.Contains("packages/b/package.json", two.Reads());
        Assert.DoesNotContain("packages/b/package.json", one.Reads());
    }
}
