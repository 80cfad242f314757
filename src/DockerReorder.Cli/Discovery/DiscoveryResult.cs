namespace DockerReorder.Cli.Discovery;

/// <summary>What discovery found: the files, in ordinal order of their display paths, and one-line errors for paths that do not exist.</summary>
/// <param name="Files">The Dockerfiles, deduplicated.</param>
/// <param name="Errors">One line per argument that matched nothing on disk (<c>PATH: no such file or directory</c>).</param>
public sealed record DiscoveryResult(IReadOnlyList<DiscoveredFile> Files, IReadOnlyList<string> Errors);
