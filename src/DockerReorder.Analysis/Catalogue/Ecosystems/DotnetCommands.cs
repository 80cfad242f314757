using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Manifests;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// .NET: <c>dotnet restore</c> reads the named project or solution (following its projects and
/// <c>ProjectReference</c>s and literal <c>Import</c>s), or the project-file patterns when none is named, plus
/// <c>Directory.Build.props/targets</c>, <c>Directory.Packages.props</c>, <c>NuGet.config</c> and <c>global.json</c>
/// from each project directory up to the working directory; it writes each project's <c>obj</c>. <c>dotnet workload restore</c>
/// reads the same files; <c>dotnet workload install</c>, like <c>dotnet tool install -g</c>, reads the NuGet.config files.
/// </summary>
internal static class DotnetCommands
{
    private static readonly FrozenSet<string> DotnetOptions = FrozenSet.ToFrozenSet(
    [
        "-r", "--runtime", "-s", "--source", "--configfile", "--packages", "-v", "--verbosity", "-p", "--property", "-a", "--arch", "--os",
        "--lock-file-path", "-c", "--configuration", "-o", "--output", "-f", "--framework", "--version", "--tool-path",
        "--tool-manifest", "--add-source",
    ], StringComparer.Ordinal);

    // MSBuild switches that take no value, in their slash form (`/m`, `/nologo`).
    private static readonly FrozenSet<string> BareMsBuildSwitches = FrozenSet.ToFrozenSet(
        ["m", "maxcpucount", "nologo", "bl", "binaryLogger", "nr", "nodeReuse", "r", "restore", "ds", "detailedSummary", "noconsolelogger", "noautoresponse", "tl", "graph", "isolate", "interactive", "warnaserror", "err"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ProjectPatterns = ["*.sln", "*.slnx", "*.csproj", "*.fsproj", "*.vbproj"];
    // The files `dotnet tool restore` reads besides its manifest: the package sources and the SDK the muxer picks.
    private static readonly string[] ToolRestoreFiles = ["NuGet.config", "nuget.config", "NuGet.Config", "global.json"];
    private static readonly string[] DirectoryFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", "global.json"];

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table) => table["dotnet"] = Dotnet;

    private static void Dotnet(CommandInvocation command)
    {
        // MSBuild switches in their slash form (`/p:Configuration=Release`, `/property:X=1`, `/t:Restore`, `/m`) pass through to
        // MSBuild: they are options, never the project argument (the dash forms already parse as options).
        var arguments = ParsedArguments.Parse(command.Arguments.Where(word => !IsMsBuildSlashSwitch(word.Value)).ToList(), DotnetOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (subcommand)
        {
            case "restore":
                Restore(command, arguments, projectIndex: 1);
                return;
            case "workload" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value == "restore":
                // `dotnet workload restore [PROJECT|SOLUTION]` evaluates the projects the way restore does (the project or solution,
                // its references, Directory.Build.props and the other files above them) to find the workloads they need, and
                // installs those from NuGet.config's feeds (https://learn.microsoft.com/dotnet/core/tools/dotnet-workload-restore).
                Restore(command, arguments, projectIndex: 2);
                command.Effect.Write(command.HomePath(".dotnet"));
                return;
            case "workload" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value is "install" or "update":
                command.ReadsNothing("dotnet", command.HomePath(".dotnet"));
                // Like `dotnet tool install -g`: the workload packs come from the feeds of the NuGet.config files of the working
                // directory and above it (or --configfile, or a --source folder), so a context that brings one is read.
                if (arguments.Has("--configfile", "--source", "-s") || BringsNuGetSettings(command))
                {
                    command.Effect.Install(command.Display);
                    ReadNuGetSettings(command, arguments);
                }

                return;
            case "tool" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value == "restore":
                ToolRestore(command, arguments);
                return;
            case "tool" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value is "install" or "update" && arguments.Has("-g", "--global", "--tool-path"):
                command.ReadsNothing("dotnet", arguments.Value("--tool-path")?.Value ?? command.HomePath(".dotnet/tools"));
                // Without --configfile it takes packages from the NuGet.config files of the working directory and above it,
                // and the SDK from global.json there (https://learn.microsoft.com/dotnet/core/tools/dotnet-tool-install):
                // when the context brings one (or an --add-source folder), the install reads it like `dotnet tool restore` does.
                if (arguments.Has("--configfile", "--add-source") || BringsNuGetSettings(command))
                {
                    command.Effect.Install(command.Display);
                    ReadNuGetSettings(command, arguments);
                }

                return;
            case "nuget" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value == "locals":
                command.ReadsNothing("dotnet");
                return;
            case "dev-certs" or "workload" or "new" when subcommand != "new":
                command.ReadsNothing("dotnet", command.HomePath(".dotnet"));
                return;
            case null:
                command.VersionOrNotKnown(arguments, "--info", "--version", "--list-sdks", "--list-runtimes");
                return;
            default:
                command.NeedsSourceIn("dotnet", "builds the project from the source");
                return;
        }
    }

    // `/name:value` or a known bare `/name` switch; an absolute path (`/src/App.csproj`, `/src`) has no colon before its next slash.
    private static bool IsMsBuildSlashSwitch(string text)
    {
        if (text.Length < 2 || text[0] != '/' || !char.IsAsciiLetter(text[1]))
        {
            return false;
        }

        var end = 1;
        while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return end < text.Length ? text[end] == ':' : BareMsBuildSwitches.Contains(text[1..]);
    }

    private static void Restore(CommandInvocation command, ParsedArguments arguments, int projectIndex)
    {
        command.Effect.Ecosystem("dotnet");
        command.Effect.Install(command.Display);
        var directories = new SortedSet<string>(StringComparer.Ordinal) { "." };
        if (arguments.Positionals.Count > projectIndex && command.TryResolve(arguments.Positionals[projectIndex], out var named))
        {
            var projectDirectories = new HashSet<string>(StringComparer.Ordinal);
            var file = named.EndsWith("proj", StringComparison.Ordinal) || named.EndsWith(".sln", StringComparison.Ordinal) || named.EndsWith(".slnx", StringComparison.Ordinal);
            if (file)
            {
                Follow(command, named, projectDirectories, new HashSet<string>(StringComparer.Ordinal));
            }
            else
            {
                foreach (var pattern in ProjectPatterns)
                {
                    command.Effect.Read(WorkingPath.Combine(named, pattern), required: false, isPattern: true);
                }

                command.Effect.MarkUnverified();
                projectDirectories.Add(named);
            }

            directories.UnionWith(projectDirectories);
        }
        else if (ProjectInWorkingDirectory(command) is { } picked)
        {
            // dotnet restore picks the one solution, or else the one project, in the working directory.
            var projectDirectories = new HashSet<string>(StringComparer.Ordinal);
            Follow(command, picked, projectDirectories, new HashSet<string>(StringComparer.Ordinal));
            directories.UnionWith(projectDirectories);
        }
        else
        {
            foreach (var pattern in ProjectPatterns)
            {
                command.ReadsManifest(pattern, required: false, isPattern: true);
            }

            // Without a named project the referenced projects cannot be followed.
            command.Effect.MarkUnverified($"{command.Display} names no project, and the analysis cannot tell which one it restores");
        }

        var imported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            for (var current = directory; ; current = WorkingPath.DirectoryOf(current))
            {
                foreach (var name in DirectoryFiles)
                {
                    ReadDirectoryFile(command, WorkingPath.Combine(current, name), imported);
                }

                if (current is "." or "/" || current.StartsWith("..", StringComparison.Ordinal) || current == command.WorkingDirectory)
                {
                    break;
                }
            }

            command.Effect.Write(WorkingPath.Combine(directory, "obj"));
        }

        // MSBuild looks for Directory.*.props/targets and NuGet.config up to the file system root, so the
        // folders above the working directory count too (central package versions often live there).
        if (command.WorkingDirectory.StartsWith('/'))
        {
            foreach (var above in WorkingPath.FoldersAbove(command.WorkingDirectory))
            {
                foreach (var name in DirectoryFiles)
                {
                    ReadDirectoryFile(command, WorkingPath.Combine(above, name), imported);
                }
            }
        }
        else
        {
            // The working directory is not known: what lies above it cannot be listed.
            command.Effect.MarkUnverified();
        }

        foreach (var source in arguments.Values("-s", "--source"))
        {
            if (source.IsResolved)
            {
                ReadLocalSource(command, ".", source.Value);
            }
        }

        foreach (var config in arguments.Values("--configfile"))
        {
            if (command.TryResolve(config, out var path))
            {
                command.Effect.Read(path, required: true);
            }
        }

        var packages = arguments.Value("--packages")?.Value ?? command.Variable("NUGET_PACKAGES") ?? command.HomePath(".nuget/packages");
        command.Effect.Write(packages.StartsWith('~') ? packages : command.Resolve(packages) ?? packages);
    }

    // `dotnet tool restore` installs the tools of `.config/dotnet-tools.json` (or `--tool-manifest`) from the package sources of
    // the NuGet.config files in the working directory and above it, like restore
    // (https://learn.microsoft.com/nuget/consume-packages/configuring-nuget-behavior); global.json there picks the SDK.
    private static void ToolRestore(CommandInvocation command, ParsedArguments arguments)
    {
        command.Effect.Ecosystem("dotnet");
        command.Effect.Install(command.Display);
        if (arguments.Value("--tool-manifest") is { } manifest)
        {
            if (command.TryResolve(manifest, out var manifestPath))
            {
                command.Effect.Read(manifestPath, required: true);
            }
        }
        else
        {
            command.ReadsManifest(".config/dotnet-tools.json", required: true);
        }

        ReadNuGetSettings(command, arguments);
    }

    // True when the context brings a NuGet.config or global.json to the working directory or a folder above it.
    private static bool BringsNuGetSettings(CommandInvocation command)
    {
        foreach (var directory in SettingsDirectories(command))
        {
            foreach (var name in ToolRestoreFiles)
            {
                if (command.Lookup(WorkingPath.Combine(directory, name)).State == ManifestState.Present)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The working directory (`.`) and, when it is known, every folder above it.
    private static IEnumerable<string> SettingsDirectories(CommandInvocation command)
    {
        yield return ".";
        if (command.WorkingDirectory.StartsWith('/'))
        {
            foreach (var above in WorkingPath.FoldersAbove(command.WorkingDirectory))
            {
                yield return above;
            }
        }
    }

    // The NuGet.config files and global.json of the working directory and above it, `--add-source` folders and `--configfile`.
    private static void ReadNuGetSettings(CommandInvocation command, ParsedArguments arguments)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in ToolRestoreFiles)
        {
            ReadDirectoryFile(command, WorkingPath.Combine(".", name), visited);
        }

        if (command.WorkingDirectory.StartsWith('/'))
        {
            foreach (var above in WorkingPath.FoldersAbove(command.WorkingDirectory))
            {
                foreach (var name in ToolRestoreFiles)
                {
                    ReadDirectoryFile(command, WorkingPath.Combine(above, name), visited);
                }
            }
        }
        else
        {
            command.Effect.MarkUnverified($"{command.Display} reads the NuGet.config files above a working directory the analysis cannot resolve");
        }

        foreach (var source in arguments.Values("--add-source", "--source", "-s"))
        {
            if (source.IsResolved)
            {
                ReadLocalSource(command, ".", source.Value);
            }
        }

        foreach (var config in arguments.Values("--configfile"))
        {
            if (command.TryResolve(config, out var path))
            {
                command.Effect.Read(path, required: true);
            }
        }

        command.Effect.Write(command.HomePath(".nuget/packages"));
    }

    // A Directory.Build.props/targets or Directory.Packages.props MSBuild imports when it exists, with what it imports.
    private static void ReadDirectoryFile(CommandInvocation command, string path, HashSet<string> visited)
    {
        command.Effect.Read(path, required: false);
        if (!visited.Add(path) || command.Lookup(path).Content is not { } content)
        {
            return;
        }

        if (path.EndsWith(".props", StringComparison.Ordinal) || path.EndsWith(".targets", StringComparison.Ordinal))
        {
            FollowImports(command, path, content, visited);
        }
        else if (WorkingPath.FileName(path).Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
        {
            // A package source that is a folder (<add key="local" value="./packages" />) is read relative to the
            // config file; restore fails when it does not exist (NU1301).
            var start = content.IndexOf("<packageSources>", StringComparison.Ordinal);
            var end = start < 0 ? -1 : content.IndexOf("</packageSources>", start, StringComparison.Ordinal);
            if (end > start)
            {
                foreach (var source in XmlAttributes.Values(content[start..end], "add", "value"))
                {
                    ReadLocalSource(command, WorkingPath.DirectoryOf(path), source);
                }
            }
        }
    }

    // A package source given as a folder (not a URL): restore reads it whole.
    private static void ReadLocalSource(CommandInvocation command, string directory, string source)
    {
        if (source.Contains("://", StringComparison.Ordinal) || source.Contains('%', StringComparison.Ordinal) || source.StartsWith('/'))
        {
            return; // a feed URL, an environment variable, or a folder of the image
        }

        command.Effect.Read(WorkingPath.Combine(directory, source.Replace('\\', '/').TrimEnd('/')), required: true, isDirectory: true);
    }

    // The file dotnet would pick in the working directory: the only solution, else the only project.
    private static string? ProjectInWorkingDirectory(CommandInvocation command)
    {
        var names = command.Classifier.ListDirectory?.Invoke(".");
        if (names is null) return null;
        var solutions = names.Where(n => n.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)).ToList();
        if (solutions.Count == 1) return solutions[0];
        if (solutions.Count > 1) return null;
        var projects = names.Where(n => n.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && (n.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase))).ToList();
        return projects.Count == 1 ? projects[0] : null;
    }

    /// <summary>Reads a solution or project and what it references.</summary>
    private static void Follow(CommandInvocation command, string path, HashSet<string> projectDirectories, HashSet<string> visited)
    {
        if (!visited.Add(path))
        {
            return;
        }

        command.Effect.Read(path, required: true);
        var directory = WorkingPath.DirectoryOf(path);
        var isSolution = path.EndsWith(".sln", StringComparison.Ordinal) || path.EndsWith(".slnx", StringComparison.Ordinal);
        if (!isSolution)
        {
            projectDirectories.Add(directory);
            command.Effect.Read(WorkingPath.Combine(directory, "packages.lock.json"), required: false);
        }

        var lookup = command.Lookup(path);
        if (lookup.State == ManifestState.Absent)
        {
            return;
        }

        if (lookup.Content is not { } content)
        {
            command.CannotRead(path, path);
            return;
        }

        IEnumerable<string> references = path.EndsWith(".sln", StringComparison.Ordinal) ? SolutionProjects(content)
            : path.EndsWith(".slnx", StringComparison.Ordinal) ? XmlAttributes.Values(content, "Project", "Path")
            : XmlAttributes.Values(content, "ProjectReference", "Include");
        foreach (var reference in references)
        {
            var relative = reference.Replace('\\', '/');
            if (relative.Contains("$(", StringComparison.Ordinal))
            {
                command.Effect.MarkUnverified();
                continue;
            }

            Follow(command, WorkingPath.Combine(directory, relative), projectDirectories, visited);
        }

        if (!isSolution)
        {
            FollowImports(command, path, content, visited);
        }
    }

    /// <summary>
    /// Reads what an MSBuild file imports (<c>&lt;Import Project="eng/Versions.props" /&gt;</c>), relative to the importing file,
    /// and what those import in turn: restore evaluates every import, and a missing one fails it (MSB4019). An import
    /// under an <c>Exists(...)</c> condition is optional; one whose path uses another property leaves the fix unverified.
    /// </summary>
    private static void FollowImports(CommandInvocation command, string path, string content, HashSet<string> visited)
    {
        var directory = WorkingPath.DirectoryOf(path);
        foreach (var tag in XmlAttributes.StartTags(content, "Import"))
        {
            if (XmlAttributes.Attribute(tag, "Project") is not { } project || XmlAttributes.Attribute(tag, "Sdk") is not null)
            {
                continue; // <Import Project="Sdk.props" Sdk="..."/> comes from the SDK
            }

            // $(MSBuildThisFileDirectory) is the importing file's folder, with a final slash.
            var relative = project.Replace('\\', '/');
            if (relative.StartsWith("$(MSBuildThisFileDirectory)", StringComparison.Ordinal))
            {
                relative = relative["$(MSBuildThisFileDirectory)".Length..].TrimStart('/');
            }

            if (relative.Contains("$(", StringComparison.Ordinal))
            {
                // GetPathOfFileAbove('Directory.Build.props') finds a file the walk up already reads; the SDK's and
                // MSBuild's own folders are outside the build context.
                if (!relative.Contains("GetPathOfFileAbove", StringComparison.Ordinal) && !ImportsFromOutsideTheContext(relative))
                {
                    command.Effect.MarkUnverified($"`{WorkingPath.FileName(path)}` imports `{project}`, a path the catalogue cannot resolve");
                }

                continue;
            }

            var condition = XmlAttributes.Attribute(tag, "Condition") ?? string.Empty;
            var imported = WorkingPath.Combine(directory, relative);
            command.Effect.Read(imported, required: !condition.Contains("Exists(", StringComparison.Ordinal));
            if (visited.Add(imported) && command.Lookup(imported).Content is { } importedContent)
            {
                FollowImports(command, imported, importedContent, visited);
            }
        }
    }

    private static bool ImportsFromOutsideTheContext(string project) =>
        project.StartsWith("$(MSBuildExtensionsPath", StringComparison.Ordinal) || project.StartsWith("$(MSBuildToolsPath)", StringComparison.Ordinal) ||
        project.StartsWith("$(MSBuildBinPath)", StringComparison.Ordinal) || project.StartsWith("$(VSToolsPath)", StringComparison.Ordinal) ||
        project.StartsWith("$(MSBuildSDKsPath)", StringComparison.Ordinal) || project.StartsWith("$(NuGetPackageRoot)", StringComparison.Ordinal);

    /// <summary>The project paths of a classic <c>.sln</c> file (<c>Project("{guid}") = "Name", "path\to\x.csproj", "{guid}"</c>).</summary>
    private static IEnumerable<string> SolutionProjects(string content)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("Project(", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length >= 2)
            {
                var path = fields[1].Trim().Trim('"');
                if (path.EndsWith("proj", StringComparison.Ordinal))
                {
                    yield return path;
                }
            }
        }
    }
}
