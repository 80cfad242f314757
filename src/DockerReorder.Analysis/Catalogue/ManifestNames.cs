namespace DockerReorder.Analysis.Catalogue;

/// <summary>The catalogue's view of <see cref="Copies.ManifestNames"/>: paths as commands name them.</summary>
internal static class ManifestNames
{
    /// <summary>True when the file named by <paramref name="path"/> is a manifest.</summary>
    internal static bool IsManifest(string path) => Copies.ManifestNames.IsManifest(WorkingPath.FileName(path));
}
