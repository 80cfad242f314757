using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue;

/// <summary>Where a script is while it runs: its current directory and its variables.</summary>
internal sealed class ScriptState
{
    internal ScriptState(string? directory, ShellVariables variables)
    {
        Directory = directory;
        Variables = variables;
    }

    /// <summary>The current directory: <c>.</c> for the working directory, relative to it, absolute, or null when not known (after <c>cd $X</c>).</summary>
    internal string? Directory { get; set; }

    /// <summary>The variables known at this point.</summary>
    internal ShellVariables Variables { get; set; }

    /// <summary>A copy for a subshell or a branch.</summary>
    internal ScriptState Clone() => new(Directory, Variables.Clone());
}
