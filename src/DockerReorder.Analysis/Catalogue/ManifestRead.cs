namespace DockerReorder.Analysis.Catalogue;

/// <summary>A file a dependency install reads.</summary>
/// <param name="Path">The path as the command resolves it: relative to the working directory, or absolute.</param>
/// <param name="Required">True when the install fails without it (<c>package.json</c>); false when it is read only if present (<c>package-lock.json</c>, <c>.npmrc</c>).</param>
/// <param name="IsPattern">True when <paramref name="Path"/> is a glob (<c>*.csproj</c>) to be matched against the context.</param>
public sealed record ManifestRead(string Path, bool Required, bool IsPattern = false)
{
    /// <summary>True when <see cref="Path"/> names a directory read as a whole (<c>.yarn/releases</c>, <c>.mvn</c>, <c>gradle</c>).</summary>
    public bool IsDirectory { get; init; }
}
