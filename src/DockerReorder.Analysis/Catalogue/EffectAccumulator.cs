namespace DockerReorder.Analysis.Catalogue;

/// <summary>
/// Collects what the commands of one <c>RUN</c> step read and write and combines their kinds:
/// any command needing the source makes the step need it; otherwise any unknown command makes it unknown;
/// otherwise any install makes it a dependency install; otherwise it reads nothing.
/// </summary>
internal sealed class EffectAccumulator
{
    private readonly List<string> ecosystems = [];
    private readonly List<ManifestRead> reads = [];
    private readonly List<string> writes = [];
    private readonly List<string> mayRewrite = [];
    private readonly List<string> packageFolders = [];
    private readonly List<string> contextMounts = [];
    private readonly List<string> imageReads = [];
    private readonly List<string> installs = [];
    private string? needsSource;
    private string? testedManifest;
    private readonly List<string> testedPaths = [];
    private string? unknown;
    private bool unverified;
    private string? unverifiedReason;

    /// <summary>Records that a command needs the source; the first reason is kept.</summary>
    internal void NeedsSource(string reason) => needsSource ??= reason;

    /// <summary>Records that a command is not known; the first reason is kept.</summary>
    internal void Unknown(string reason) => unknown ??= reason;

    /// <summary>Records a dependency install, by its display text.</summary>
    internal void Install(string display) => installs.Add(display);

    /// <summary>How many dependency installs have been recorded so far.</summary>
    internal int InstallCount => installs.Count;

    /// <summary>Records a recognised package manager.</summary>
    internal void Ecosystem(string name)
    {
        if (!ecosystems.Contains(name))
        {
            ecosystems.Add(name);
        }
    }

    /// <summary>Records a manifest read; a path read twice is required if either read requires it.</summary>
    internal void Read(ManifestRead read)
    {
        var index = reads.FindIndex(existing => existing.Path == read.Path);
        if (index < 0)
        {
            reads.Add(read);
        }
        else if (read.Required && !reads[index].Required)
        {
            reads[index] = reads[index] with { Required = true };
        }
    }

    /// <summary>Records a read of <paramref name="path"/>.</summary>
    internal void Read(string path, bool required, bool isPattern = false, bool isDirectory = false) =>
        Read(new ManifestRead(path, required, isPattern) { IsDirectory = isDirectory });

    /// <summary>
    /// Records a shell test of a manifest's existence (<c>[ -f yarn.lock ]</c>, Next.js' "preferred package manager" script):
    /// the manifest copy brings the file exactly when the broad copy would, so beside an install the test is an optional
    /// read of it; in a step that installs nothing it still reads the source (<paramref name="reason"/>).
    /// </summary>
    internal void TestsManifest(string path, string reason)
    {
        AddOnce(testedPaths, path);
        testedManifest ??= reason;
    }

    /// <summary>Records a path the step writes.</summary>
    internal void Write(string path) => AddOnce(writes, path);

    /// <summary>Records an absolute image path the step reads outside the working directory (a file, or a folder read whole).</summary>
    internal void ImageRead(string path) => AddOnce(imageReads, path);

    /// <summary>Records a folder the step installs packages into, under names not known statically (see <see cref="StepEffect.PackageFolders"/>).</summary>
    internal void PackageFolder(string path) => AddOnce(packageFolders, path);

    /// <summary>Records a manifest the step may rewrite.</summary>
    internal void MayRewrite(string path) => AddOnce(mayRewrite, path);

    /// <summary>Records a context path read through a bind mount.</summary>
    internal void ContextMount(string path) => AddOnce(contextMounts, path);

    /// <summary>Records that a fact could not be checked; <paramref name="why"/> (the first one given is kept) says which.</summary>
    internal void MarkUnverified(string? why = null)
    {
        unverified = true;
        unverifiedReason ??= why;
    }

    /// <summary>Drops the reads that a bind mount provides instead of the image.</summary>
    internal void RemoveReads(Func<string, bool> providedByMount) => reads.RemoveAll(read => providedByMount(read.Path));

    /// <summary>The combined verdict.</summary>
    internal StepEffect ToEffect()
    {
        var sourceReason = needsSource ?? (installs.Count == 0 ? testedManifest : null);

        // After the installs' own reads, so the copy lists the manifests in their usual order (`package.json yarn.lock`).
        foreach (var path in testedPaths)
        {
            Read(path, required: false);
        }

        var (kind, reason) = sourceReason is not null ? (StepEffectKind.NeedsSource, sourceReason)
            : unknown is not null ? (StepEffectKind.Unknown, unknown)
            : installs.Count > 0 ? (StepEffectKind.DependencyInstall, DescribeInstalls())
            : (StepEffectKind.ReadsNothing, "reads nothing from the build context");
        return new StepEffect
        {
            Kind = kind,
            Reason = reason,
            Ecosystems = [.. ecosystems],
            Reads = [.. reads],
            Writes = [.. writes],
            MayRewrite = [.. mayRewrite],
            PackageFolders = [.. packageFolders],
            ContextMounts = [.. contextMounts],
            ImageReads = [.. imageReads, .. ecosystems.SelectMany(SystemConfigPaths.Of).Distinct(StringComparer.Ordinal).Where(path => !imageReads.Contains(path))],
            InstallsDependencies = installs.Count > 0,
            Unverified = unverified,
            UnverifiedReason = unverifiedReason,
        };
    }

    private string DescribeInstalls()
    {
        var names = reads.Where(read => read.Required).Select(read => read.Path).ToList();
        var from = names.Count > 0 ? " from " + string.Join(", ", names) : string.Empty;
        var more = installs.Count > 1 ? $" (and {installs.Count - 1} more install{(installs.Count > 2 ? "s" : string.Empty)})" : string.Empty;
        return $"{installs[0]} installs dependencies{from}{more}";
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
