namespace DockerReorder.Engine.Tests.Harness;

/// <summary>What makes two images "the same": their file trees and their configs.</summary>
/// <param name="Files">Every path, sorted ordinally.</param>
/// <param name="Config">The compared config fields.</param>
public sealed record ImageSnapshot(IReadOnlyList<FileEntry> Files, ImageConfig Config)
{
    /// <summary>The entry at <paramref name="path"/> (no leading slash), or null.</summary>
    public FileEntry? this[string path] => Files.FirstOrDefault(f => f.Path == path.Trim('/'));
}
