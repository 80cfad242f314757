namespace DockerReorder.Analysis.Context;

/// <summary>Why a folder should stay out of a broad copy.</summary>
public enum IgnorableFolderKind
{
    /// <summary>Version-control metadata (<c>.git</c>): changes with every commit, never needed in the image.</summary>
    VersionControl,

    /// <summary>What a dependency install writes on the host (<c>node_modules</c>, a virtualenv, <c>obj</c>).</summary>
    Dependencies,

    /// <summary>Tool caches (<c>__pycache__</c>, <c>.pytest_cache</c>): regenerated, host-specific.</summary>
    Cache,

    /// <summary>
    /// Local build output (<c>target</c>, <c>bin</c>): reported, but never added by the fix, because
    /// Dockerfiles often copy a locally built artifact on purpose (<c>COPY target/app.jar</c>).
    /// </summary>
    BuildOutput,
}
