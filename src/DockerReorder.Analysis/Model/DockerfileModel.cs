using DockerReorder.Syntax;

namespace DockerReorder.Analysis.Model;

/// <summary>The semantic model of a Dockerfile: its stages, and for each instruction the build state it sees.</summary>
public sealed class DockerfileModel
{
    private DockerfileModel(DockerfileSyntax tree, IReadOnlyList<Stage> stages)
    {
        Tree = tree;
        Stages = stages;
    }

    /// <summary>The syntax tree.</summary>
    public DockerfileSyntax Tree { get; }

    /// <summary>The stages, in order.</summary>
    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>Builds the model. Instructions before the first FROM (global ARGs) belong to no stage.</summary>
    public static DockerfileModel Build(DockerfileSyntax tree)
    {
        var stages = new List<Stage>();
        var finalStates = new Dictionary<string, BuildState>(StringComparer.OrdinalIgnoreCase);
        List<Step>? steps = null;
        BuildState? state = null;
        string? name = null;
        string baseImage = "";
        char escape = tree.EscapeCharacter;

        void Close()
        {
            if (steps is null || state is null) return;
            var stage = new Stage(stages.Count, name, baseImage, steps);
            stages.Add(stage);
            finalStates[stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = state;
            if (name is not null) finalStates[name] = state;
        }

        foreach (var instruction in tree.Instructions)
        {
            if (instruction.Kind == InstructionKind.From)
            {
                Close();
                var args = instruction.Arguments;
                baseImage = args.Count > 0 ? args[0] : "";
                name = args.Count >= 3 && args[1].Equals("as", StringComparison.OrdinalIgnoreCase) ? args[2] : null;
                state = finalStates.TryGetValue(baseImage, out var parent)
                    ? parent with { Variables = WithoutArgs(parent) }
                    : new BuildState
                    {
                        WorkingDirectory = new WorkingDirectory(baseImage.Equals("scratch", StringComparison.OrdinalIgnoreCase) ? "/" : BaseImageWorkdirs.Of(baseImage), 0),
                        Variables = new Dictionary<string, string?>(StringComparer.Ordinal),
                    };
                steps = [new Step(instruction, state, 0)];
                continue;
            }
            if (steps is null || state is null) continue; // global ARG before the first FROM
            steps.Add(new Step(instruction, state, steps.Count));
            state = Apply(state, instruction, escape);
        }
        Close();
        return new DockerfileModel(tree, stages);
    }

    // A child stage inherits the parent's ENV but not its ARGs; we cannot tell them apart after the fact, so keep only known values.
    private static Dictionary<string, string?> WithoutArgs(BuildState parent) =>
        parent.Variables.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>The state after <paramref name="instruction"/> runs in <paramref name="state"/>.</summary>
    public static BuildState Apply(BuildState state, InstructionSyntax instruction, char escape)
    {
        var args = instruction.Arguments;
        switch (instruction.Kind)
        {
            case InstructionKind.Workdir:
            {
                var word = args.Count > 0 ? DockerfileWord.Process(args[0], state.Variables, escape).Value : null;
                string? path = word is null ? null
                    : word.StartsWith('/') ? ImagePath.Normalize(word)
                    : state.WorkingDirectory.Path is null ? null
                    : ImagePath.Normalize(state.WorkingDirectory.Path + "/" + word);
                return state with { WorkingDirectory = new WorkingDirectory(path, state.WorkingDirectory.Version + 1) };
            }
            case InstructionKind.Env:
            {
                var vars = new Dictionary<string, string?>(state.Variables, StringComparer.Ordinal);
                for (int i = 0; i + 1 < args.Count; i += 3)
                {
                    // Every pair of one ENV sees the values from before the instruction (Dockerfile reference, "ENV").
                    vars[args[i]] = DockerfileWord.Process(args[i + 1], state.Variables, escape).Value;
                }
                return state with { Variables = vars };
            }
            case InstructionKind.Arg:
            {
                var vars = new Dictionary<string, string?>(state.Variables, StringComparer.Ordinal);
                foreach (var a in args)
                {
                    int eq = a.IndexOf('=');
                    string n = eq < 0 ? a : a[..eq];
                    // A build argument can override the default at build time, so its value is not static;
                    // an ENV of the same name still wins over it (Dockerfile reference, "Using ARG variables").
                    vars.TryAdd(n, null);
                }
                return state with { Variables = vars };
            }
            case InstructionKind.User:
                return state with { User = args.Count > 0 ? DockerfileWord.Process(args[0], state.Variables, escape).Value ?? args[0] : null };
            case InstructionKind.Shell:
                return state with { Shell = args };
            default:
                return state;
        }
    }
}
