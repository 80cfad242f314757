using DockerReorder.Analysis.Context;
using DockerReorder.Analysis.Model;

namespace DockerReorder.Analysis.Copies;

/// <summary>
/// Where a context copy puts things in the image: which image paths it writes and which
/// context file ends up at a given image path. Answers null where the context is needed
/// and not available.
/// </summary>
public sealed class CopyFootprint
{
    private readonly BuildContext? _context;
    private readonly IReadOnlyList<string>? _extraManifests;
    private bool? _isBroad;
    private List<Entry>? _entries;
    private bool _entriesUnknown;

    /// <summary>Describes <paramref name="copy"/> against <paramref name="context"/> (null: no context).</summary>
    public CopyFootprint(ContextCopy copy, BuildContext? context, IReadOnlyList<string>? extraManifests = null)
    {
        Copy = copy;
        _context = context;
        _extraManifests = extraManifests;
        Destination = ImageLocation.Of(copy.Destination, copy.Step.State.WorkingDirectory);
    }

    /// <summary>The copy.</summary>
    public ContextCopy Copy { get; }

    /// <summary>The destination as an image location.</summary>
    public ImageLocation Destination { get; }

    /// <summary>True when the source names a directory (or the whole context).</summary>
    public bool IsDirectorySource(string source)
    {
        if (source.Length == 0) return true;
        if (WildcardPattern.HasWildcard(source)) return false;
        if (_context is not null)
        {
            if (_context.DirectoryExists(source)) return true;
            if (_context.FileExists(source)) return false;
            // Missing from the context we were given (a partial checkout): judge by the name.
        }
        var name = source[(source.LastIndexOf('/') + 1)..];
        return !(name.Contains('.') || ManifestNames.IsManifest(name, _extraManifests));
    }

    /// <summary>
    /// A broad copy: a source is a directory (<c>.</c>, <c>app/</c>) or a wildcard wider than the
    /// manifests (<c>*.py</c>). Copies of single files or of manifest wildcards are narrow.
    /// </summary>
    public bool IsBroad => _isBroad ??= ComputeIsBroad();

    private bool ComputeIsBroad()
    {
        foreach (var source in Copy.Sources)
        {
            if (IsDirectorySource(source))
            {
                // A manifest folder (gradle/, .mvn/, .yarn/releases) changes with the build tool, not the source: the manifest copy writes one.
                if (HoldsOnlyManifests(source) || ManifestNames.IsManifestFolder(source)) continue;
                return true;
            }
            if (!WildcardPattern.HasWildcard(source)) continue;
            var name = source[(source.LastIndexOf('/') + 1)..];
            var matches = _context?.Glob(source) ?? [];
            if (matches.Count == 0)
            {
                // No context, or nothing matches in the (partial) context we were given: judge by the pattern.
                if (!ManifestNames.PatternTargetsManifests(name, _extraManifests)) return true;
                continue;
            }
            foreach (var match in matches)
            {
                var matchName = match[(match.LastIndexOf('/') + 1)..];
                if (_context!.DirectoryExists(match) || !ManifestNames.IsManifest(matchName, _extraManifests)) return true;
            }
        }
        return false;
    }

    /// <summary>How many context entries <see cref="HoldsOnlyManifests"/> looks at before it gives up.</summary>
    private const int ManifestDirectoryBudget = 200;

    /// <summary>
    /// True when a directory source holds, in the context, only manifest files and none that marks a
    /// project root (<c>ADD requirements/ /requirements/</c>): such a copy changes only when a manifest
    /// does, so it is not broad. A folder with <c>package.json</c> or <c>go.mod</c> is where source lives.
    /// </summary>
    private bool HoldsOnlyManifests(string directory)
    {
        if (_context is null || directory.Length == 0 || !_context.DirectoryExists(directory)) return false;
        int seen = 0;
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in _context.ListDirectory(dir))
            {
                if (++seen > ManifestDirectoryBudget) return false;
                var path = dir + "/" + entry.Name;
                if (entry.IsDirectory) { pending.Push(path); continue; }
                if (!_context.IsIncluded(path)) continue;
                if (!ManifestNames.IsManifestPath(path, _extraManifests) || ManifestNames.IsProjectRoot(entry.Name)) return false;
            }
        }
        return seen > 0;
    }

    // True when the context sends something at contextPath: an included file, or a directory with an included entry.
    private bool Brings(string contextPath) =>
        _context is not null && (_context.FileExists(contextPath) || _context.HasIncludedEntriesUnder(contextPath));

    /// <summary>One thing the copy brings: a context file or directory and where it lands.</summary>
    private readonly record struct Entry(string ContextPath, ImageLocation Target, bool IsDirectory);

    // Expands the sources once: the planner asks every footprint about many paths.
    private List<Entry> Entries(out bool unknown)
    {
        _entries ??= ComputeEntries(out _entriesUnknown);
        unknown = _entriesUnknown;
        return _entries;
    }

    // Expands the sources; wildcards expand through the context, and make the answer unknown without one.
    private List<Entry> ComputeEntries(out bool unknown)
    {
        unknown = false;
        var entries = new List<Entry>();
        foreach (var source in Copy.Sources)
        {
            if (WildcardPattern.HasWildcard(source))
            {
                if (_context is null) { unknown = true; continue; }
                foreach (var match in _context.Glob(source))
                {
                    bool dir = _context.DirectoryExists(match);
                    entries.Add(new Entry(match, dir ? Destination : Destination.Join(match[(match.LastIndexOf('/') + 1)..]), dir));
                }
                continue;
            }
            if (IsDirectorySource(source)) { entries.Add(new Entry(source, Destination, true)); continue; }
            var target = Copy.DestinationIsDirectory ? Destination.Join(source[(source.LastIndexOf('/') + 1)..]) : Destination;
            entries.Add(new Entry(source, target, false));
        }
        return entries;
    }

    /// <summary>
    /// The copy lands under a working directory W that the base image sets (unknown), and
    /// <paramref name="path"/> is absolute. For every way of reading <paramref name="path"/> as
    /// <c>W/target/rest</c> (W a strict ancestor of it), ask the context whether it holds
    /// <c>rest</c>: false when no reading can overlap, null (cannot be proven) when one can.
    /// Assumes W is not inside <paramref name="path"/> (no base image works inside a package
    /// manager's output). Null when there is no context.
    /// </summary>
    private bool? WritesUnderUnknownWorkdir(Entry entry, ImageLocation path)
    {
        if (entry.Target.IsAbsolute || !path.IsAbsolute) return null;
        if (entry.Target.Path.StartsWith("..", StringComparison.Ordinal)) return null;
        if (_context is null) return null;
        var segments = path.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var target = entry.Target.Path == "." ? [] : entry.Target.Path.Split('/');
        for (int w = 0; w < segments.Length; w++)
        {
            var rest = segments[w..];
            if (rest.Length < target.Length || !rest.Take(target.Length).SequenceEqual(target, StringComparer.Ordinal)) continue;
            var below = string.Join('/', rest.Skip(target.Length));
            if (below.Length == 0) return null; // W/target could be the path itself
            if (!entry.IsDirectory) continue;
            var contextPath = entry.ContextPath.Length == 0 ? below : entry.ContextPath + "/" + below;
            if (Brings(contextPath)) return null;
        }
        return false;
    }

    /// <summary>
    /// The context path the copy puts at <paramref name="image"/>: a known file, or a candidate
    /// when there is no context. Null when the copy does not provide that path, or it cannot be told.
    /// </summary>
    public string? ContextPathFor(ImageLocation image)
    {
        string? found = null;
        foreach (var entry in Entries(out _))
        {
            if (entry.IsDirectory)
            {
                if (PathBelow(entry, image) is { } candidate && (_context is null || _context.FileExists(candidate))) found = candidate; // a later source wins
            }
            else if (entry.Target == image && (_context is null || _context.FileExists(entry.ContextPath)))
            {
                found = entry.ContextPath;
            }
        }
        return found;
    }

    /// <summary>
    /// The context path a folder source of the copy would put at <paramref name="image"/>, whether or not the context
    /// has it (a later source wins); null when no folder source reaches there (a glob of files, or another destination).
    /// </summary>
    public string? FolderSourcePathFor(ImageLocation image)
    {
        string? found = null;
        foreach (var entry in Entries(out _))
        {
            if (entry.IsDirectory && PathBelow(entry, image) is { } candidate) found = candidate;
        }
        return found;
    }

    /// <summary>
    /// The context folder the copy puts at <paramref name="image"/>, when a folder source brings it with at least one
    /// entry .dockerignore lets through; null otherwise, and without a context.
    /// </summary>
    public string? ContextDirectoryFor(ImageLocation image)
    {
        if (_context is null) return null;
        string? found = null;
        foreach (var entry in Entries(out _))
        {
            // A named folder lands at its target itself (`COPY .yarn/releases ./.yarn/releases/`); the context root does not count.
            var candidate = PathBelow(entry, image) ?? (entry.IsDirectory && entry.ContextPath.Length > 0 && entry.Target == image ? entry.ContextPath : null);
            if (entry.IsDirectory && candidate is not null && _context.DirectoryExists(candidate) && _context.HasIncludedEntriesUnder(candidate))
                found = candidate; // a later source wins
        }
        return found;
    }

    // The context path a folder source puts at `image`, strictly below its target; null when `image` is not below it.
    private static string? PathBelow(Entry folder, ImageLocation image)
    {
        if (ImageLocation.IsUnder(image, folder.Target) != true) return null;
        var rel = ImagePath.RelativeTo(image.Path, folder.Target.Path);
        if (rel.Length == 0) return null;
        return folder.ContextPath.Length == 0 ? rel : folder.ContextPath + "/" + rel;
    }

    /// <summary>
    /// Whether the copy writes anything at or under <paramref name="path"/>, or writes into
    /// <paramref name="path"/>'s subtree from above it (true/false); null when that needs a context or
    /// paths that are not known.
    /// </summary>
    public bool? WritesAtOrUnder(ImageLocation path)
    {
        var entries = Entries(out bool unknown);
        foreach (var entry in entries)
        {
            var pathUnderTarget = ImageLocation.IsUnder(path, entry.Target);
            var targetUnderPath = ImageLocation.IsUnder(entry.Target, path);
            if (pathUnderTarget is null || targetUnderPath is null)
            {
                if (WritesUnderUnknownWorkdir(entry, path) is null) unknown = true;
                continue;
            }
            if (targetUnderPath == true) return true; // the copy writes inside path
            if (pathUnderTarget != true) continue;
            if (!entry.IsDirectory) return true;
            var rel = ImagePath.RelativeTo(path.Path, entry.Target.Path);
            var contextPath = entry.ContextPath.Length == 0 ? rel : rel.Length == 0 ? entry.ContextPath : entry.ContextPath + "/" + rel;
            if (_context is null) { unknown = true; continue; }
            if (Brings(contextPath)) return true;
        }
        return unknown ? null : false;
    }
}
