using DockerReorder.Cli.Files;

namespace DockerReorder.Cli.Processing;

/// <summary>A Dockerfile to process: where it is (null for standard input) and its content.</summary>
/// <param name="DisplayPath">The path as shown.</param>
/// <param name="FullPath">The absolute path, or null when read from standard input.</param>
/// <param name="NominalPath">The absolute path it stands for (for stdin: <c>--stdin-filename</c> resolved, or the working directory's <c>Dockerfile</c>).</param>
/// <param name="Content">The bytes read.</param>
public sealed record DockerfileInput(string DisplayPath, string? FullPath, string NominalPath, DockerfileContent Content);
