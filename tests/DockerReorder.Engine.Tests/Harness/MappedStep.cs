namespace DockerReorder.Engine.Tests.Harness;

/// <summary>A build step joined to the Dockerfile line it came from.</summary>
/// <param name="Step">The step from the log.</param>
/// <param name="Instruction">The instruction it maps to, or null when no instruction's text matched.</param>
public sealed record MappedStep(BuildStep Step, DockerfileInstruction? Instruction)
{
    /// <summary>Maps every non-FROM step of <paramref name="steps"/> to an instruction of <paramref name="dockerfile"/>.</summary>
    public static IReadOnlyList<MappedStep> Map(IReadOnlyList<BuildStep> steps, string dockerfile)
    {
        var instructions = DockerfileInstruction.Read(dockerfile);
        var stageCount = instructions.Count == 0 ? 0 : instructions.Max(i => i.Stage) + 1;
        var used = new HashSet<DockerfileInstruction>();
        var mapped = new List<MappedStep>();
        foreach (var step in steps.Where(s => s.Keyword != "FROM"))
        {
            var stage = StageOf(step.Stage, instructions, stageCount);
            var match = instructions.FirstOrDefault(i =>
                i.Stage == stage && !used.Contains(i) && Normalise(i.Text) == Normalise(step.Text));
            // COPY and WORKDIR steps are printed with their variables expanded.
            match ??= instructions.FirstOrDefault(i =>
                i.Stage == stage && !used.Contains(i) && Normalise(ExpandedInstructionText.Of(i, instructions)) == Normalise(step.Text));
            // BuildKit now and then prints a step header without its stage label; then the text alone decides, if it is unique.
            if (match is null)
            {
                var sameText = instructions.Where(i => !used.Contains(i) && Normalise(i.Text) == Normalise(step.Text)).Take(2).ToList();
                if (sameText.Count == 1) match = sameText[0];
            }
            if (match is not null)
            {
                used.Add(match);
            }

            mapped.Add(new MappedStep(step, match));
        }

        return mapped.OrderBy(m => m.Instruction?.Line ?? int.MaxValue).ThenBy(m => m.Step.Vertex).ToList();
    }

    /// <summary>"line 5: RUN pip install ... CACHED" — for assertion messages.</summary>
    public override string ToString() =>
        $"line {(Instruction is null ? "?" : Instruction.Line.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {Step.Text} {(Step.Cached ? "CACHED" : "rebuilt")}";

    private static int StageOf(string label, IReadOnlyList<DockerfileInstruction> instructions, int stageCount)
    {
        if (label.Length == 0)
        {
            return stageCount - 1;
        }

        if (label.StartsWith("stage-", StringComparison.Ordinal) && int.TryParse(label["stage-".Length..], out var index))
        {
            return index;
        }

        return instructions.FirstOrDefault(i => i.StageName.Equals(label, StringComparison.OrdinalIgnoreCase))?.Stage ?? stageCount - 1;
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
