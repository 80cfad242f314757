namespace DockerReorder.Engine.Tests.Harness;

/// <summary>The steps of a rebuild after a source-only edit, each mapped to its Dockerfile line.</summary>
/// <param name="Steps">The non-FROM steps in Dockerfile order.</param>
/// <param name="Log">The rebuild's plain progress log.</param>
public sealed record CacheProbeResult(IReadOnlyList<MappedStep> Steps, string Log)
{
    /// <summary>How many steps the rebuild reused.</summary>
    public int CachedCount => Steps.Count(s => s.Step.Cached);

    /// <summary>The step whose instruction text is <paramref name="instruction"/> (whitespace-insensitive).</summary>
    public MappedStep StepFor(string instruction)
    {
        var wanted = string.Join(' ', instruction.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return Steps.FirstOrDefault(s => s.Instruction?.Text == wanted)
            ?? throw new InvalidOperationException($"no build step for `{instruction}`; steps were:\n{this}");
    }

    /// <summary>One line per step: "line 5: RUN pip install ... CACHED".</summary>
    public override string ToString() => string.Join('\n', Steps.Select(s => s.ToString()));
}
