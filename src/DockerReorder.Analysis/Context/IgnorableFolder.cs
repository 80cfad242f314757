namespace DockerReorder.Analysis.Context;

/// <summary>
/// A folder that a broad copy should not bring into the image, and how to recognise it.
/// </summary>
/// <param name="Name">The folder name (or a short path such as <c>vendor/bundle</c>).</param>
/// <param name="Kind">Why it should be excluded.</param>
/// <param name="Ecosystem">Who writes it (<c>git</c>, <c>npm</c>, <c>Python</c>, ...), for messages.</param>
/// <param name="IgnoreLine">The <c>.dockerignore</c> line that excludes it.</param>
/// <param name="AnyDepth">True when it also appears below the root (searched a few levels deep).</param>
/// <param name="MarkerInside">A file the folder must contain to count (<c>pyvenv.cfg</c> for <c>venv</c>), or null.</param>
/// <param name="ProjectFilesBeside">
/// Name patterns (Go <c>filepath.Match</c>) of which one must exist next to the folder
/// (<c>Cargo.toml</c> for <c>target</c>), or empty when the name alone is enough.
/// </param>
public sealed record IgnorableFolder(
    string Name,
    IgnorableFolderKind Kind,
    string Ecosystem,
    string IgnoreLine,
    bool AnyDepth,
    string? MarkerInside,
    IReadOnlyList<string> ProjectFilesBeside)
{
    /// <summary>True when the DR003 fix adds <see cref="IgnoreLine"/> (every kind but build output).</summary>
    public bool IsAddedByFix => Kind != IgnorableFolderKind.BuildOutput;
}
