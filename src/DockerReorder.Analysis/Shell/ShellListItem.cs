namespace DockerReorder.Analysis.Shell;

/// <summary>One command of a list and the operator after it.</summary>
/// <param name="Command">The command.</param>
/// <param name="Operator">The operator after it (<see cref="ShellOperator.End"/> for the last).</param>
public readonly record struct ShellListItem(ShellCommand Command, ShellOperator Operator);
