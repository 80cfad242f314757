namespace DockerReorder.Analysis.Catalogue;

/// <summary>The catalogue's verdict on one build step: what it reads from the context and what it writes in the image.</summary>
public sealed record StepEffect
{
    /// <summary>The kind of step.</summary>
    public required StepEffectKind Kind { get; init; }

    /// <summary>One line saying why (for example <c>`make` is not a command the catalogue knows</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>The package managers recognised in the step (<c>pip</c>, <c>apk</c>, <c>npm</c>, ...), in order.</summary>
    public IReadOnlyList<string> Ecosystems { get; init; } = [];

    /// <summary>For a dependency install: the manifest files it reads, following references between them.</summary>
    public IReadOnlyList<ManifestRead> Reads { get; init; } = [];

    /// <summary>Paths the step writes (relative to the working directory, or absolute): <c>node_modules</c>, <c>vendor</c>, <c>.venv</c>, ...</summary>
    public IReadOnlyList<string> Writes { get; init; } = [];

    /// <summary>
    /// Folders the step installs packages into under names not known statically (<c>pip install --target DIR</c> writes
    /// <c>DIR/requests/</c>, <c>DIR/yaml/</c>, ...): where the broad copy writes that folder, the fix is unsafe, since a
    /// project entry named like an installed package would end differently.
    /// </summary>
    public IReadOnlyList<string> PackageFolders { get; init; } = [];

    /// <summary>Manifests the step may rewrite (a lock file for <c>npm install</c>), relative to the working directory or absolute.</summary>
    public IReadOnlyList<string> MayRewrite { get; init; } = [];

    /// <summary>
    /// Context paths (relative to the context root) the step reads directly through <c>--mount=type=bind</c>:
    /// they come from the context, not from the image, so they do not depend on where the broad copy is.
    /// </summary>
    public IReadOnlyList<string> ContextMounts { get; init; } = [];

    /// <summary>
    /// Absolute image paths the step reads outside its working directory: files its commands name (<c>cp /app/x /etc/</c>)
    /// and the system configuration its package managers read (<c>/etc/apt</c>, <c>/etc/pip.conf</c>). A broad copy that
    /// writes one of them (<c>COPY rootfs/ /</c>, <c>COPY . /app</c> with no <c>WORKDIR</c>) cannot sink below the step.
    /// </summary>
    public IReadOnlyList<string> ImageReads { get; init; } = [];

    /// <summary>
    /// True when the step runs a dependency install (<c>pip install -r</c>, <c>npm ci</c>, <c>go mod download</c>, ...),
    /// including one that needs the source (<c>pip install -e .</c>): DR001 reports those, builds and tests it does not.
    /// </summary>
    public bool InstallsDependencies { get; init; }

    /// <summary>True when a fact the verdict depends on could not be checked (a manifest could not be read).</summary>
    public bool Unverified { get; init; }

    /// <summary>When <see cref="Unverified"/>, the fact that could not be checked, in one line (null when the catalogue gave none).</summary>
    public string? UnverifiedReason { get; init; }
}
