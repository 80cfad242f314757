namespace DockerReorder.Cli.Discovery;

/// <summary>A Dockerfile to process.</summary>
/// <param name="DisplayPath">The path as shown in output: relative to the working directory when under it, with <c>/</c> separators.</param>
/// <param name="FullPath">The absolute path.</param>
/// <param name="Explicit">True when named on the command line (not found by walking a folder).</param>
public sealed record DiscoveredFile(string DisplayPath, string FullPath, bool Explicit);
