namespace DockerReorder.Analysis.Model;

/// <summary>
/// A path in the image as a step names it: absolute, or relative to a working directory whose
/// absolute path is unknown (identified by its <see cref="WorkingDirectory.Version"/>).
/// </summary>
/// <param name="Path">A clean absolute path, or a clean relative path.</param>
/// <param name="WorkdirVersion">For a relative path, the working directory it is relative to; null for absolute paths.</param>
public readonly record struct ImageLocation(string Path, int? WorkdirVersion)
{
    /// <summary>True when the path is absolute.</summary>
    public bool IsAbsolute => WorkdirVersion is null;

    /// <summary>Locates <paramref name="path"/> as seen from <paramref name="workdir"/>.</summary>
    public static ImageLocation Of(string path, WorkingDirectory workdir)
    {
        if (path.StartsWith('/')) return new ImageLocation(ImagePath.Normalize(path), null);
        if (workdir.Path is not null) return new ImageLocation(ImagePath.Normalize(workdir.Path + "/" + path), null);
        return new ImageLocation(ImagePath.Normalize(path), workdir.Version);
    }

    /// <summary>True/false when <paramref name="path"/> is (not) at or under <paramref name="directory"/>; null when it cannot be told.</summary>
    public static bool? IsUnder(ImageLocation path, ImageLocation directory)
    {
        if (path.IsAbsolute && directory.IsAbsolute) return ImagePath.IsUnder(path.Path, directory.Path);
        if (!path.IsAbsolute && !directory.IsAbsolute && path.WorkdirVersion == directory.WorkdirVersion)
        {
            if (path.Path.StartsWith("..", StringComparison.Ordinal) || directory.Path.StartsWith("..", StringComparison.Ordinal)) return null;
            return ImagePath.IsUnder(path.Path, directory.Path);
        }
        return null;
    }

    /// <summary>The location of <paramref name="relative"/> under this directory.</summary>
    public ImageLocation Join(string relative) =>
        relative.Length == 0 ? this : new ImageLocation(ImagePath.Normalize(Path + "/" + relative), WorkdirVersion);

    /// <inheritdoc/>
    public override string ToString() => Path;
}
