namespace DockerReorder.Analysis.Context;

/// <summary>PLACEHOLDER: the build context (file system plus .dockerignore). Implemented by the context work.</summary>
public sealed class BuildContext
{
    private BuildContext(IContextFileSystem files) => Files = files;

    /// <summary>The underlying files.</summary>
    public IContextFileSystem Files { get; }

    /// <summary>Opens a context; <paramref name="dockerfilePath"/> is context-relative or null.</summary>
    public static BuildContext Open(IContextFileSystem files, string? dockerfilePath) => new(files);
}
