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

        var instructions = tree.Instructions;
        for (int index = 0; index < instructions.Count; index++)
        {
            var instruction = instructions[index];
            if (instruction.Kind == InstructionKind.From)
            {
                Close();
                var args = instruction.Arguments;
                baseImage = args.Count > 0 ? args[0] : "";
                name = args.Count >= 3 && args[1].Equals("as", StringComparison.OrdinalIgnoreCase) ? args[2] : null;
                state = finalStates.TryGetValue(baseImage, out var parent)
                    ? parent with { Variables = WithoutArgs(parent) }
                    : NewState(baseImage);
                steps = new List<Step>(StageLength(tree.Instructions, index)) { new Step(instruction, state, 0) };
                continue;
            }
            if (steps is null || state is null) continue; // global ARG before the first FROM
            steps.Add(new Step(instruction, state, steps.Count));
            state = Apply(state, instruction, escape);
        }
        Close();
        return new DockerfileModel(tree, stages);
    }

    // The state a stage from an image (not an earlier stage) starts with: its known working directory, or, for an image whose
    // working directory is a variable's value by convention, that variable's binding, marked as an assumption.
    private static BuildState NewState(string baseImage)
    {
        var variables = VariableSet.CreateEmpty();
        var workdir = baseImage.Equals("scratch", StringComparison.OrdinalIgnoreCase) ? "/" : BaseImageWorkdirs.Of(baseImage);
        var convention = workdir is null ? BaseImageWorkdirs.VariableOf(baseImage) : null;
        return new BuildState
        {
            WorkingDirectory = convention is null ? new WorkingDirectory(workdir, 0) : new WorkingDirectory(null, 0)
            {
                Binding = variables.BindingOrInherited(convention),
                Assumption = $"the base image's working directory is assumed to be ${convention} (`{baseImage}` sets both; the Dockerfile does not say `WORKDIR ${{{convention}}}`)",
            },
            Variables = variables,
        };
    }

    // How many instructions the stage whose FROM is at `from` has: its step list is made at its final size
    // (growing the lists of a big file's stages was a tenth of the model's allocation).
    private static int StageLength(IReadOnlyList<InstructionSyntax> instructions, int from)
    {
        int end = from + 1;
        while (end < instructions.Count && instructions[end].Kind != InstructionKind.From) end++;
        return end - from;
    }

    // A child stage inherits the parent's ENV but not its ARGs; we cannot tell them apart after the fact, so keep only known values.
    private static VariableSet WithoutArgs(BuildState parent) =>
        VariableSet.From(parent.Variables.Where(kv => kv.Value is not null));

    // The state's variables as a set that can share them with the next state.
    private static VariableSet AsSet(IReadOnlyDictionary<string, string?> variables) =>
        variables as VariableSet ?? VariableSet.From(variables);

    /// <summary>The state after <paramref name="instruction"/> runs in <paramref name="state"/>.</summary>
    public static BuildState Apply(BuildState state, InstructionSyntax instruction, char escape)
    {
        // Most instructions leave the state as it is: read their arguments only when they change it
        // (a RUN's one argument is a copy of its text, made on first read).
        if (instruction.Kind is not (InstructionKind.Workdir or InstructionKind.Env or InstructionKind.Arg or InstructionKind.User or InstructionKind.Shell))
            return state;
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
                var binding = path is null && args.Count > 0 && state.Variables is VariableSet set && DockerfileWord.SingleVariable(args[0], escape) is { } name
                    ? set.BindingOrInherited(name) : null;
                return state with { WorkingDirectory = new WorkingDirectory(path, state.WorkingDirectory.Version + 1) { Binding = binding } };
            }
            case InstructionKind.Env:
            {
                var pairs = new KeyValuePair<string, string?>[(args.Count + 1) / 3]; // one per iteration below
                for (int i = 0; i + 1 < args.Count; i += 3)
                {
                    // Every pair of one ENV sees the values from before the instruction (Dockerfile reference, "ENV").
                    pairs[i / 3] = new(args[i], DockerfileWord.Process(args[i + 1], state.Variables, escape).Value);
                }
                return state with { Variables = AsSet(state.Variables).With(pairs) };
            }
            case InstructionKind.Arg:
            {
                var names = new string[args.Count];
                for (int i = 0; i < args.Count; i++)
                {
                    int eq = args[i].IndexOf('=');
                    names[i] = eq < 0 ? args[i] : args[i][..eq];
                }
                // A build argument can override the default at build time, so its value is not static;
                // an ENV of the same name still wins over it (Dockerfile reference, "Using ARG variables").
                return state with { Variables = AsSet(state.Variables).WithDeclared(names) };
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
