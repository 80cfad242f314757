using System.Collections.Frozen;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Swift: <c>swift package resolve</c> reads <c>Package.swift</c>, <c>Package.resolved</c> and the package's
/// <c>.swiftpm/configuration</c> (mirrors, registries) and writes the scratch folder (<c>.build</c>); local path packages
/// and a manifest that reads project files need the source; <c>swift build</c> and the rest build from the source.
/// </summary>
internal static class SwiftCommands
{
    private static readonly FrozenSet<string> PackageOptions = FrozenSet.ToFrozenSet(
        ["--package-path", "--scratch-path", "--build-path", "--cache-path", "--config-path", "--security-path", "-c", "--configuration", "-j", "--jobs"],
        StringComparer.Ordinal);

    // Options that make SwiftPM use Package.resolved as it is and fail rather than change it.
    private static readonly string[] PinnedResolution = ["--force-resolved-versions", "--disable-automatic-resolution", "--only-use-versions-from-resolved-file"];

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table) => table["swift"] = Swift;

    private static void Swift(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PackageOptions);
        var positionals = arguments.Positionals;
        var subcommand = positionals.Count > 0 ? positionals[0].Value : null;
        switch (subcommand)
        {
            case "package" when positionals.Count > 1 && positionals[1].Value is "resolve" or "fetch" or "update":
                Resolve(command, arguments, rewritesLock: positionals[1].Value == "update");
                return;
            case null:
                command.VersionOrNotKnown(arguments, "--version");
                return;
            case "--version":
                return;
            default:
                command.NeedsSourceIn("swift", "builds or changes the package from the source");
                return;
        }
    }

    private static void Resolve(CommandInvocation command, ParsedArguments arguments, bool rewritesLock)
    {
        var directory = arguments.Value("--package-path")?.Value ?? ".";
        command.Effect.Ecosystem("swift");
        command.Effect.Install(command.Display);
        var manifest = command.ReadsAndLooksUp(directory + "/Package.swift", required: true);
        var lockPath = command.ReadsManifest(directory + "/Package.resolved", required: false);
        // Package-local mirrors and registries (`swift package config set-mirror`) live in .swiftpm/configuration.
        command.ReadsManifest(directory + "/.swiftpm/configuration", required: false, isDirectory: true);
        if (manifest.Content is { } text)
        {
            if (text.Contains("path:", StringComparison.Ordinal))
            {
                command.NeedsSource("depends on a local package (`path:` in `Package.swift`)");
            }
            else if (ProjectFileRead(text) is { } call)
            {
                // Package.swift is a Swift program SwiftPM compiles and runs before resolving.
                command.NeedsSource($"loads `Package.swift`, which reads files of the project (`{call}`)");
            }
        }

        if (lockPath is not null && !arguments.Has(PinnedResolution) && (rewritesLock || command.Lookup(lockPath).State != ManifestState.Present))
        {
            command.Effect.MayRewrite(lockPath);
        }

        var scratch = arguments.Value("--scratch-path", "--build-path")?.Value ?? directory + "/.build";
        command.Effect.Write(command.Resolve(scratch) ?? scratch);
    }

    private static string? ProjectFileRead(string text)
    {
        foreach (var call in (string[])["FileManager", "Context.packageDirectory", "contentsOfFile", "#filePath", "#file"])
        {
            if (text.Contains(call, StringComparison.Ordinal))
            {
                return call;
            }
        }

        return null;
    }
}
