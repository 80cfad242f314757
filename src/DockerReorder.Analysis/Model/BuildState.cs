namespace DockerReorder.Analysis.Model;

/// <summary>The build state an instruction sees: working directory, variables, user and shell.</summary>
public sealed record BuildState
{
    /// <summary>The working directory.</summary>
    public required WorkingDirectory WorkingDirectory { get; init; }

    /// <summary>
    /// Variables declared so far in the stage (ENV and ARG), with their value when it is known
    /// statically (ENV of static text), or null (an ARG, whose value a build argument may set).
    /// </summary>
    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    /// <summary>The user set by <c>USER</c>, or null for the base image's.</summary>
    public string? User { get; init; }

    /// <summary>The shell set by <c>SHELL</c>, or null for the default <c>/bin/sh -c</c>.</summary>
    public IReadOnlyList<string>? Shell { get; init; }

    /// <summary>The variables whose value is known, for the catalogue.</summary>
    public IReadOnlyDictionary<string, string> KnownVariables =>
        Variables is VariableSet set
            ? set.Known // a view, not a copy: a state per ENV line copied them all (quadratic)
            : Variables.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
}
