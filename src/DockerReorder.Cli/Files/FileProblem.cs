namespace DockerReorder.Cli.Files;

/// <summary>A file that cannot be processed or written; <see cref="Exception.Message"/> is the one-line <c>PATH[:LINE:COL]: problem</c>.</summary>
public sealed class FileProblem(string message) : Exception(message);
