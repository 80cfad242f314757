namespace DockerReorder.Analysis.Shell;

/// <summary>Shell text the reader does not look into (<c>case</c>, function definitions, syntax errors).</summary>
/// <param name="Text">The text, shortened for messages.</param>
/// <param name="Reason">One line saying why it is opaque.</param>
public sealed record OpaqueCommand(string Text, string Reason) : ShellCommand;
