using DockerReorder.Analysis.Catalogue;

namespace DockerReorder.Analysis.Tests.Catalogue;

/// <summary>Runs the catalogue over a RUN step with an in-memory build context.</summary>
internal static class CatalogueHarness
{
    /// <summary>Classifies a shell-form RUN. <paramref name="files"/> maps paths (as the catalogue asks for them) to contents; others are absent.</summary>
    internal static StepEffect Run(
        string script,
        IReadOnlyDictionary<string, string>? files = null,
        string workingDirectory = "/app",
        IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? mounts = null,
        IReadOnlyList<string>? heredocs = null,
        bool contextUnknown = false) =>
        EcosystemCatalogue.Default.Classify(
            new RunStep(script, null, heredocs ?? [], mounts ?? [], workingDirectory, environment ?? new Dictionary<string, string>()),
            Reader(files, contextUnknown));

    /// <summary>Classifies an exec-form RUN.</summary>
    internal static StepEffect RunExec(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? files = null, string workingDirectory = "/app") =>
        EcosystemCatalogue.Default.Classify(
            new RunStep(null, arguments, [], [], workingDirectory, new Dictionary<string, string>()),
            Reader(files, contextUnknown: false));

    private static Func<string, ManifestLookup> Reader(IReadOnlyDictionary<string, string>? files, bool contextUnknown) =>
        path => contextUnknown ? ManifestLookup.Unknown
            : files is not null && files.TryGetValue(path, out var content) ? new ManifestLookup(ManifestState.Present, content)
            : ManifestLookup.Absent;

    /// <summary>The reads as <c>path</c> (required) or <c>path?</c> (optional), in order.</summary>
    internal static string[] Reads(this StepEffect effect) =>
        [.. effect.Reads.Select(read => read.Path + (read.Required ? string.Empty : "?") + (read.IsPattern ? " (pattern)" : string.Empty) + (read.IsDirectory ? "/" : string.Empty))];
}
