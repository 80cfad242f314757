using DockerReorder.Analysis.Catalogue;
using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Planning;

/// <summary>A dependency install the broad copy sinks below, and the manifests to copy right before it.</summary>
/// <param name="Step">The RUN step.</param>
/// <param name="Effect">The catalogue's verdict.</param>
/// <param name="Manifests">The manifests the broad copy provided to it: context path and image location, in order.</param>
public sealed record InstallStep(Step Step, StepEffect Effect, IReadOnlyList<ManifestFile> Manifests);

/// <summary>A manifest the synthesized copy names.</summary>
/// <param name="ContextPath">Its context-relative path.</param>
/// <param name="Image">Where the broad copy put it in the image.</param>
public sealed record ManifestFile(string ContextPath, ImageLocation Image)
{
    /// <summary>
    /// True for a manifest folder the install reads whole (Gradle's <c>gradle/</c>, Maven's <c>.mvn/</c>, Yarn's
    /// <c>.yarn/releases/</c>): it is copied on its own, to <see cref="Image"/>.
    /// </summary>
    public bool IsDirectory { get; init; }
}
