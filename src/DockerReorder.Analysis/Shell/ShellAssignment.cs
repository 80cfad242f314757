namespace DockerReorder.Analysis.Shell;

/// <summary>A <c>NAME=value</c> word in front of a command (or alone, setting a shell variable).</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The assigned value.</param>
public readonly record struct ShellAssignment(string Name, ShellWord Value);
