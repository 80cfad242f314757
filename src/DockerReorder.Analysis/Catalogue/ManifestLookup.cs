namespace DockerReorder.Analysis.Catalogue;

/// <summary>What is known about a file a command would read, looked up where the command would find it.</summary>
/// <param name="State">Whether the file is there.</param>
/// <param name="Content">Its text when <see cref="ManifestState.Present"/> and readable.</param>
public sealed record ManifestLookup(ManifestState State, string? Content = null)
{
    /// <summary>The file is known not to be there.</summary>
    public static ManifestLookup Absent { get; } = new(ManifestState.Absent);

    /// <summary>Nothing can be said (no build context, or the file would not come from it).</summary>
    public static ManifestLookup Unknown { get; } = new(ManifestState.Unknown);
}

/// <summary>Whether a looked-up file exists.</summary>
public enum ManifestState
{
    /// <summary>No build context, or the path is not one the broad copy provides: nothing is known.</summary>
    Unknown,
    /// <summary>The file exists (and is not excluded by .dockerignore).</summary>
    Present,
    /// <summary>The file does not exist or is excluded.</summary>
    Absent,
}
