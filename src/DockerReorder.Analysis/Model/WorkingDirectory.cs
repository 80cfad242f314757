namespace DockerReorder.Analysis.Model;

/// <summary>
/// The working directory an instruction sees. <see cref="Path"/> is the absolute path when it is
/// known statically; otherwise null (it depends on the base image or on a build argument).
/// <see cref="Version"/> changes at every <c>WORKDIR</c>, so two steps with the same version share
/// a working directory even when its path is unknown.
/// </summary>
/// <param name="Path">The absolute path, or null when unknown.</param>
/// <param name="Version">Counts the WORKDIR instructions seen in the stage.</param>
public sealed record WorkingDirectory(string? Path, int Version)
{
    /// <summary>
    /// When the path is unknown because the WORKDIR names one variable (<c>WORKDIR ${APP_HOME}</c>, an ARG): that
    /// variable's declaration, so a copy to <c>${APP_HOME}</c> under the same declaration is known to mean this directory.
    /// </summary>
    public VariableBinding? Binding { get; init; }

    /// <summary>
    /// Set when <see cref="Binding"/> is the base image's convention rather than a WORKDIR of the Dockerfile (AWS Lambda images
    /// run in <c>$LAMBDA_TASK_ROOT</c>): says why a fix that relies on it is unsafe.
    /// </summary>
    public string? Assumption { get; init; }

    /// <summary>Resolves <paramref name="path"/> against this directory: absolute paths stay; relative ones join (null when unknown).</summary>
    public string? Resolve(string path)
    {
        if (path.StartsWith('/')) return ImagePath.Normalize(path);
        return Path is null ? null : ImagePath.Normalize(Path + "/" + path);
    }

    /// <summary>True when both directories are the same one: the same version, or the same known path (<c>WORKDIR /app</c> again).</summary>
    public bool IsSameAs(WorkingDirectory other) =>
        Version == other.Version
        || (Path is { } a && other.Path is { } b && string.Equals(ImagePath.Normalize(a), ImagePath.Normalize(b), StringComparison.Ordinal));
}
