namespace DockerReorder.Cli.Files;

/// <summary>A Dockerfile's bytes as read, with what is needed to write it back safely.</summary>
/// <param name="Bytes">The exact bytes.</param>
/// <param name="LastWriteTimeUtc">The modification time when read (null for stdin, and when read without it: only --write compares it).</param>
public sealed record DockerfileContent(byte[] Bytes, DateTime? LastWriteTimeUtc);
