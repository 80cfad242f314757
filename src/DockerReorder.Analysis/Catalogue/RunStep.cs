namespace DockerReorder.Analysis.Catalogue;

/// <summary>A <c>RUN</c> step as the catalogue needs it.</summary>
/// <param name="ShellScript">Shell-form command text (continuations joined), or null for exec form.</param>
/// <param name="ExecArguments">Exec-form arguments, or null for shell form.</param>
/// <param name="HeredocBodies">Bodies of heredocs; when the command is only <c>&lt;&lt;EOF</c> (or <c>bash &lt;&lt;EOF</c>, <c>sh &lt;&lt;EOF</c>) the body is the script.</param>
/// <param name="Mounts">The values of <c>--mount</c> flags (<c>type=cache,target=/root/.cache</c>).</param>
/// <param name="WorkingDirectory">The absolute working directory the step runs in.</param>
/// <param name="Environment">ENV and ARG values known at the step (name to value).</param>
public sealed record RunStep(
    string? ShellScript,
    IReadOnlyList<string>? ExecArguments,
    IReadOnlyList<string> HeredocBodies,
    IReadOnlyList<string> Mounts,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// Lists the file names in a directory where the step would find it (path relative to the
    /// working directory, or absolute), or null when that cannot be known. Lets a command that
    /// picks its own input (<c>dotnet restore</c> with no project named) be followed exactly.
    /// </summary>
    public Func<string, IReadOnlyList<string>?>? ListDirectory { get; init; }

    /// <summary>
    /// Lists the folder names in a directory where the step would find it (as <see cref="ListDirectory"/>), or null when that
    /// cannot be known. Lets an install that finds its inputs by a glob (the members of a JavaScript workspace) be followed.
    /// </summary>
    public Func<string, IReadOnlyList<string>?>? ListFolders { get; init; }

    /// <summary>
    /// The variable the unknown working directory was set from (<c>WORKDIR ${LAMBDA_TASK_ROOT}</c>) while no ENV or ARG has
    /// declared it since: until the script changes directory, <c>$LAMBDA_TASK_ROOT</c> names the working directory. Null otherwise.
    /// </summary>
    public string? WorkingDirectoryVariable { get; init; }
}
