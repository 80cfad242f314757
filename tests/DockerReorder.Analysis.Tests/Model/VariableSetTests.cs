using System.Text;
using DockerReorder.Analysis.Model;
using DockerReorder.Analysis.Tests.Support;
using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Tests.Model;

public sealed class VariableSetTests
{
    private static KeyValuePair<string, string?> Pair(string name, string? value) => new(name, value);

    [Fact]
    public void A_later_set_does_not_change_an_earlier_one()
    {
        var first = VariableSet.CreateEmpty().With([Pair("A", "1")]);
        var second = first.With([Pair("A", "2"), Pair("B", "3")]);
        Assert.Equal(new[] { Pair("A", "1") }, first);
        Assert.Equal(new[] { Pair("A", "2"), Pair("B", "3") }, second);
        Assert.False(first.ContainsKey("B"));
        Assert.Equal("2", second["A"]);
    }

    [Fact]
    public void Changing_an_older_set_again_branches_without_touching_the_newer_one()
    {
        var root = VariableSet.CreateEmpty().With([Pair("A", "1")]);
        var left = root.With([Pair("B", "left")]);
        var right = root.With([Pair("A", "changed"), Pair("C", "right")]);
        Assert.Equal(new[] { Pair("A", "1"), Pair("B", "left") }, left);
        Assert.Equal(new[] { Pair("A", "changed"), Pair("C", "right") }, right);
        Assert.Equal(new[] { Pair("A", "1") }, root);
        Assert.Equal(new[] { Pair("A", "1"), Pair("B", "left"), Pair("D", "4") }, left.With([Pair("D", "4")]));
    }

    [Fact]
    public void Every_version_of_a_name_changed_many_times_sees_its_own_value()
    {
        var sets = new List<VariableSet> { VariableSet.CreateEmpty().WithDeclared(["PATH"]) };
        for (int i = 0; i < 100; i++) sets.Add(sets[^1].With([Pair("PATH", $"/bin{i}"), Pair($"V{i}", "x")]).WithDeclared(["PATH"]));
        Assert.Null(sets[0]["PATH"]);
        for (int i = 1; i < sets.Count; i++)
        {
            Assert.Equal($"/bin{i - 1}", sets[i]["PATH"]);
            Assert.Equal(i + 1, sets[i].Count);
            Assert.False(sets[i].ContainsKey($"V{i}"));
        }
    }

    [Fact]
    public void A_declared_name_keeps_a_value_it_has_and_a_new_one_is_unknown()
    {
        var set = VariableSet.CreateEmpty().With([Pair("X", "/a")]).WithDeclared(["X", "Y", "Y"]);
        Assert.Equal(new[] { Pair("X", "/a"), Pair("Y", null) }, set);
        Assert.Equal(2, set.Count);
        Assert.Equal(new[] { new KeyValuePair<string, string>("X", "/a") }, set.Known);
    }

    [Fact]
    public void The_last_change_of_a_name_in_one_step_wins_and_keeps_its_first_place()
    {
        var set = VariableSet.CreateEmpty().With([Pair("A", "1"), Pair("B", "2"), Pair("A", "3")]);
        Assert.Equal(new[] { Pair("A", "3"), Pair("B", "2") }, set);
    }

    [Fact]
    public void Known_variables_hash_the_same_whatever_the_order_and_path()
    {
        var one = VariableSet.CreateEmpty().With([Pair("A", "1"), Pair("B", "2"), Pair("U", null)]);
        var other = VariableSet.CreateEmpty().With([Pair("B", "x")]).With([Pair("A", "1")]).With([Pair("B", "2")]);
        var oneKnown = Assert.IsType<KnownVariableSet>(one.Known);
        var otherKnown = Assert.IsType<KnownVariableSet>(other.Known);
        Assert.Equal(2, oneKnown.Count);
        Assert.Equal(oneKnown.ContentHash, otherKnown.ContentHash);
        Assert.Equal(oneKnown.With("HOME", "/root").ContentHash, otherKnown.With("HOME", "/root").ContentHash);
        Assert.NotEqual(oneKnown.ContentHash, oneKnown.With("HOME", "/root").ContentHash);
    }

    [Fact]
    public void An_extra_known_variable_comes_last()
    {
        var known = Assert.IsType<KnownVariableSet>(VariableSet.CreateEmpty().With([Pair("A", "1"), Pair("B", null)]).Known);
        var withHome = known.With("HOME", "/root");
        Assert.Equal(new[] { new("A", "1"), new KeyValuePair<string, string>("HOME", "/root") }, withHome);
        Assert.Equal("/root", withHome["HOME"]);
        Assert.False(withHome.ContainsKey("B"));
        Assert.Throws<InvalidOperationException>(() => withHome.With("A", "2"));
    }

    [Fact]
    public void A_stage_with_twenty_thousand_env_lines_sees_every_value()
    {
        const int count = 20_000;
        var text = new StringBuilder("FROM busybox AS base\n");
        for (int i = 0; i < count; i++) text.Append("ENV V").Append(i).Append("=value").Append(i).Append('\n');
        text.Append("ARG LATE\nRUN true\nFROM base\nRUN true\n");
        var model = DockerfileModel.Build(DockerfileParser.Parse(text.ToString()));

        var run = model.Stages[0].Steps[^1].State;
        Assert.Equal(count + 1, run.Variables.Count);
        Assert.Equal(count, run.KnownVariables.Count);
        Assert.Equal("value12345", run.Variables["V12345"]);
        Assert.Null(run.Variables["LATE"]);
        var middle = model.Stages[0].Steps[101].State; // after 100 ENV lines
        Assert.Equal(100, middle.Variables.Count);
        Assert.False(middle.Variables.ContainsKey("V100"));
        var child = model.Stages[1].Steps[^1].State;
        Assert.Equal(count, child.Variables.Count); // the ARG is not inherited
        Assert.Equal("value0", child.KnownVariables["V0"]);
    }

    public static TheoryData<string> Dockerfiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Fixtures, "*Dockerfile*", SearchOption.AllDirectories)
                     .Where(p => !p.Contains(".received.", StringComparison.Ordinal) && !p.Contains(".verified.", StringComparison.Ordinal))
                     .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Shared, "corpus"), "Dockerfile*", SearchOption.AllDirectories))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, path));
        }
        return data;
    }

    // The variables every step sees equal, in content and order, what copying a dictionary per ENV and ARG gave.
    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_state_sees_what_copying_the_variables_gave(string path)
    {
        var tree = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, path)));
        var model = DockerfileModel.Build(tree);
        var finals = new Dictionary<string, Dictionary<string, string?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in model.Stages)
        {
            var vars = finals.TryGetValue(stage.BaseImage, out var parent)
                ? parent.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)
                : new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var step in stage.Steps)
            {
                Assert.Equal(vars.ToList(), step.State.Variables.ToList());
                Assert.Equal(vars.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value!)).ToList(), step.State.KnownVariables.ToList());
                foreach (var name in vars.Keys) Assert.Equal(vars[name], step.State.Variables[name]);
                if (step.Kind != InstructionKind.From) vars = CopyingApply(vars, step.Instruction, tree.EscapeCharacter);
            }
            finals[stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = vars;
            if (stage.Name is not null) finals[stage.Name] = vars;
        }
    }

    // What DockerfileModel.Apply did to the variables before they were shared: a full copy per ENV and ARG.
    private static Dictionary<string, string?> CopyingApply(Dictionary<string, string?> before, InstructionSyntax instruction, char escape)
    {
        var args = instruction.Arguments;
        switch (instruction.Kind)
        {
            case InstructionKind.Env:
            {
                var vars = new Dictionary<string, string?>(before, StringComparer.Ordinal);
                for (int i = 0; i + 1 < args.Count; i += 3) vars[args[i]] = DockerfileWord.Process(args[i + 1], before, escape).Value;
                return vars;
            }
            case InstructionKind.Arg:
            {
                var vars = new Dictionary<string, string?>(before, StringComparer.Ordinal);
                foreach (var a in args) vars.TryAdd(a.IndexOf('=') is var eq and >= 0 ? a[..eq] : a, null);
                return vars;
            }
            default:
                return before;
        }
    }
}
