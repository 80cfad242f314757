using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Manifests;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Java: Maven (<c>mvn</c>, <c>./mvnw</c>) resolving dependencies (<c>dependency:go-offline</c>, <c>dependency:resolve</c>)
/// reads <c>pom.xml</c> and its modules' POMs and <c>.mvn/</c>; Gradle (<c>gradle</c>, <c>./gradlew</c>) running
/// <c>dependencies</c> reads the build and settings scripts, <c>gradle.properties</c>, <c>gradle/</c>, <c>buildSrc/</c> and
/// the included projects' build scripts. Any other goal or task builds the project: it needs the source.
/// </summary>
internal static class JavaCommands
{
    private static readonly FrozenSet<string> MavenOptions = FrozenSet.ToFrozenSet(
        ["-f", "--file", "-s", "--settings", "-gs", "--global-settings", "-P", "--activate-profiles", "-pl", "--projects", "-T", "--threads", "-D", "-l", "--log-file", "-rf", "--resume-from", "-t", "--toolchains", "-b", "--builder"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> GradleOptions = FrozenSet.ToFrozenSet(
        ["-p", "--project-dir", "-g", "--gradle-user-home", "-b", "--build-file", "-c", "--settings-file", "-x", "--exclude-task", "-I", "--init-script", "--console", "--warning-mode", "-D", "-P", "--max-workers", "--configuration", "--priority", "--update-locks"],
        StringComparer.Ordinal);

    private static readonly string[] ResolvingGoalSuffixes = [":go-offline", ":resolve", ":resolve-plugins", ":resolve-dependencies", ":tree"];
    private static readonly string[] GradleFiles = ["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties", "gradle.lockfile", "buildscript-gradle.lockfile", "settings-gradle.lockfile"];

    // Each project's build script, properties and dependency-locking state (https://docs.gradle.org/current/userguide/dependency_locking.html):
    // without its lock file a locked configuration resolves other versions, or fails in strict mode.
    private static readonly string[] ProjectFiles = ["build.gradle", "build.gradle.kts", "gradle.properties", "gradle.lockfile", "buildscript-gradle.lockfile"];

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["mvn"] = Maven;
        table["mvnw"] = Maven;
        table["gradle"] = Gradle;
        table["gradlew"] = Gradle;
        table["java"] = command =>
        {
            if (command.Arguments.Count > 0 && command.Arguments[0].Value is "-version" or "--version")
            {
                return;
            }

            command.NeedsSource("runs project code");
        };
    }

    private static void Maven(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, MavenOptions);
        var goals = arguments.Positionals;
        if (goals.Count == 0)
        {
            if (!arguments.Has("-v", "--version", "-h", "--help"))
            {
                command.NotKnown();
            }

            return;
        }

        command.Effect.Ecosystem("maven");
        var building = goals.FirstOrDefault(goal => !ResolvingGoalSuffixes.Any(suffix => goal.Value.EndsWith(suffix, StringComparison.Ordinal)));
        if (building.Value is not null)
        {
            command.NeedsSource($"builds the project from the source (goal `{building.Value}`)");
            return;
        }

        command.Effect.Install(command.Display);
        var pom = PomFile(arguments.Value("-f", "--file")?.Value ?? "pom.xml");

        if (command.Name == "mvnw")
        {
            if (command.TryResolve(new ShellWord(command.Executable), out var wrapper))
            {
                command.Effect.Read(wrapper, required: true);
            }
        }

        if (command.Resolve(pom) is { } pomPath)
        {
            FollowPom(command, pomPath, required: true, new HashSet<string>(StringComparer.Ordinal));
            // mvn looks for .mvn/ from the POM's folder upwards (the multi-module project directory), so with
            // -f services/api/pom.xml a .mvn/ at the root still applies.
            for (var folder = WorkingPath.DirectoryOf(pom); ; folder = WorkingPath.DirectoryOf(folder))
            {
                var mvnFolder = WorkingPath.Combine(folder, ".mvn");
                command.ReadsManifest(mvnFolder, required: false, isDirectory: true);
                ReadMavenConfig(command, mvnFolder);
                if (folder is "." or "/" || folder.StartsWith("..", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        foreach (var settings in arguments.Values(SettingsOptions))
        {
            if (command.TryResolve(settings, out var path))
            {
                command.Effect.Read(path, required: true);
            }
        }

        var local = arguments.Values("-D").Select(value => value.Value).FirstOrDefault(value => value.StartsWith("maven.repo.local=", StringComparison.Ordinal));
        command.Effect.Write(local is not null ? command.Resolve(local["maven.repo.local=".Length..]) ?? local : command.HomePath(".m2/repository"));
    }

    // Options naming a settings or toolchains file Maven reads, on the command line or in .mvn/maven.config.
    private static readonly string[] SettingsOptions = ["-s", "--settings", "-gs", "--global-settings", "-t", "--toolchains"];

    // `-f`, a <module> and a <relativePath> name a POM file or the folder that holds pom.xml.
    private static string PomFile(string path) => path.EndsWith(".xml", StringComparison.Ordinal) ? path : path.TrimEnd('/') + "/pom.xml";

    // A parent POM is read for what it passes down, not as a reactor: its own <module>s are not read (asParent).
    private static void FollowPom(CommandInvocation command, string path, bool required, HashSet<string> visited, bool asParent = false)
    {
        if (!visited.Add(path))
        {
            return;
        }

        command.Effect.Read(path, required);
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

        var directory = WorkingPath.DirectoryOf(path);
        foreach (var module in asParent ? [] : XmlAttributes.Texts(content, "module"))
        {
            var modulePath = WorkingPath.Combine(directory, module);
            FollowPom(command, PomFile(modulePath), required: true, visited);
        }

        // A parent POM named by <relativePath> is read from there when it exists, else from the repositories
        // (https://maven.apache.org/ref/current/maven-model/maven.html#parent): it must come with the manifests.
        foreach (var relative in XmlAttributes.Texts(content, "relativePath"))
        {
            if (relative.Length > 0 && !relative.Contains("${", StringComparison.Ordinal))
            {
                var parentPath = WorkingPath.Combine(directory, relative);
                FollowPom(command, PomFile(parentPath), required: false, visited, asParent: true);
            }
        }

        // A <parent> without <relativePath> is looked up at ../pom.xml first (Maven's default relativePath), so a module
        // built alone (`-f services/api/pom.xml`) reads its aggregator's POM; `<relativePath/>` turns the lookup off.
        if (ParentBlock(content) is { } parent && !parent.Contains("<relativePath", StringComparison.Ordinal))
        {
            FollowPom(command, WorkingPath.Combine(directory, "../pom.xml"), required: false, visited, asParent: true);
        }

        // A repository in a folder of the project (<url>file://${project.basedir}/local-repo</url>) is read like a remote one:
        // resolution fails without it. <distributionManagement> only names where `deploy` writes.
        foreach (var url in XmlAttributes.Texts(WithoutElement(content, "distributionManagement"), "url"))
        {
            if (!url.StartsWith("file:", StringComparison.Ordinal))
            {
                continue;
            }

            var local = url["file:".Length..].TrimStart('/');
            var relative = false;
            foreach (var prefix in (string[])["${project.basedir}/", "${basedir}/", "${pom.basedir}/"])
            {
                if (local.StartsWith(prefix, StringComparison.Ordinal))
                {
                    local = local[prefix.Length..];
                    relative = true;
                }
            }

            if (local.Contains("${", StringComparison.Ordinal))
            {
                command.Effect.MarkUnverified($"`{WorkingPath.FileName(path)}` names a file repository at `{url}`, a path the catalogue cannot resolve");
            }
            else if (relative)
            {
                command.ReadsManifest(WorkingPath.Combine(directory, local), required: true, isDirectory: true);
            }
        }

        // A profile activated by a file (<activation><file><exists>PATH</exists> or <missing>PATH</missing>) is on or off
        // by a file of the project, which the manifest copy does not bring: its dependencies, repositories and plugins
        // can differ (https://maven.apache.org/guides/introduction/introduction-to-profiles.html).
        foreach (var activation in XmlAttributes.Texts(content, "activation"))
        {
            foreach (var file in XmlAttributes.Texts(activation, "file"))
            {
                var condition = XmlAttributes.Texts(file, "exists").Select(text => $"<exists>{text}</exists>")
                    .Concat(XmlAttributes.Texts(file, "missing").Select(text => $"<missing>{text}</missing>")).FirstOrDefault();
                if (condition is not null)
                {
                    command.Effect.MarkUnverified($"`{WorkingPath.FileName(path)}` activates a profile by a project file (`{condition}`), which the manifest copy does not bring: the dependencies can differ");
                    break;
                }
            }
        }

        // A system-scoped dependency is a file of the project (<systemPath>${project.basedir}/lib/x.jar</systemPath>):
        // resolution fails without it ("Could not find artifact ... at specified path").
        foreach (var systemPath in XmlAttributes.Texts(content, "systemPath"))
        {
            var local = systemPath;
            foreach (var prefix in (string[])["${project.basedir}/", "${basedir}/", "${pom.basedir}/"])
            {
                if (local.StartsWith(prefix, StringComparison.Ordinal))
                {
                    local = local[prefix.Length..];
                }
            }

            if (local.Contains("${", StringComparison.Ordinal))
            {
                command.Effect.MarkUnverified($"`{WorkingPath.FileName(path)}` names a system-scoped dependency at `{systemPath}`, a path the catalogue cannot resolve");
            }
            else if (!local.StartsWith('/'))
            {
                command.Effect.Read(WorkingPath.Combine(directory, local), required: true);
            }
        }
    }

    // The content without the first <element>...</element> block.
    private static string WithoutElement(string content, string element)
    {
        var start = content.IndexOf("<" + element + ">", StringComparison.Ordinal);
        var end = start < 0 ? -1 : content.IndexOf("</" + element + ">", start, StringComparison.Ordinal);
        return end < 0 ? content : content[..start] + content[(end + element.Length + 3)..];
    }

    // The text of the POM's <parent> element, or null when it has none.
    private static string? ParentBlock(string content)
    {
        var start = content.IndexOf("<parent>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : content.IndexOf("</parent>", start, StringComparison.Ordinal);
        return end < 0 ? null : content[start..end];
    }

    // .mvn/maven.config holds command-line options Maven reads on every run; a settings file named there is read too.
    private static void ReadMavenConfig(CommandInvocation command, string mvnFolder)
    {
        if (command.Resolve(mvnFolder + "/maven.config") is not { } configPath || command.Lookup(configPath).Content is not { } config)
        {
            return;
        }

        var words = config.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            string? file = null;
            if (SettingsOptions.Contains(word, StringComparer.Ordinal) && i + 1 < words.Length)
            {
                file = words[++i];
            }
            else if (word.StartsWith("--settings=", StringComparison.Ordinal))
            {
                file = word["--settings=".Length..];
            }

            if (file is not null && !file.StartsWith('/'))
            {
                command.ReadsManifest(file, required: true);
            }
        }
    }

    private static void Gradle(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, GradleOptions);
        var tasks = arguments.Positionals;
        if (tasks.Count == 0)
        {
            if (!arguments.Has("-v", "--version", "-h", "--help", "--stop"))
            {
                command.NotKnown();
            }

            return;
        }

        command.Effect.Ecosystem("gradle");
        var building = tasks.FirstOrDefault(task => task.Value is not ("dependencies" or "androidDependencies" or "buildEnvironment" or "help")
            && !task.Value.EndsWith(":dependencies", StringComparison.Ordinal));
        if (building.Value is not null)
        {
            command.NeedsSource($"builds the project from the source (task `{building.Value}`)");
            return;
        }

        command.Effect.Install(command.Display);
        var directory = arguments.Value("-p", "--project-dir")?.Value ?? ".";
        if (command.Name == "gradlew" && command.TryResolve(new ShellWord(command.Executable), out var wrapper))
        {
            command.Effect.Read(wrapper, required: true);
        }

        var scripts = new List<string>();
        var lockFiles = new List<string>();
        foreach (var file in GradleFiles)
        {
            if (command.ReadsManifest(directory + "/" + file, required: false) is { } path)
            {
                Sort(file, path, scripts, lockFiles);
            }
        }

        // An init script (-I) is read before the build, relative to the current folder: Gradle fails when it is missing.
        foreach (var initScript in arguments.Values("-I", "--init-script"))
        {
            if (command.ReadsManifest(initScript.Value, required: true) is { } path)
            {
                scripts.Add(path);
            }
        }

        if (arguments.Has("-c", "--settings-file", "-b", "--build-file"))
        {
            command.Effect.MarkUnverified($"{command.Display} names its settings or build file (`-c`/`-b`), whose includes the analysis does not follow");
        }

        command.ReadsManifest(directory + "/gradle", required: false, isDirectory: true);
        command.ReadsManifest(directory + "/buildSrc", required: false, isDirectory: true);
        foreach (var settingsName in (string[])["settings.gradle", "settings.gradle.kts"])
        {
            if (command.Resolve(directory + "/" + settingsName) is not { } settingsPath)
            {
                continue;
            }

            var settings = command.Lookup(settingsPath);
            if (settings.State == ManifestState.Unknown)
            {
                command.Effect.MarkUnverified();
            }

            if (settings.Content is not { } text)
            {
                continue;
            }

            foreach (var inclusion in GradleScript.Inclusions(text))
            {
                if (inclusion.Computed)
                {
                    command.Effect.MarkUnverified($"`{settingsName}` includes a project or build whose name is computed, so its build files cannot be listed");
                }

                foreach (var project in inclusion.Names)
                {
                    if (inclusion.IsBuild)
                    {
                        command.ReadsManifest(directory + "/" + project, required: true, isDirectory: true);
                        continue;
                    }

                    // include ':app:core' names the folder app/core.
                    foreach (var file in ProjectFiles)
                    {
                        if (command.ReadsManifest(directory + "/" + project.TrimStart(':').Replace(':', '/') + "/" + file, required: false) is { } path)
                        {
                            Sort(file, path, scripts, lockFiles);
                        }
                    }
                }
            }

            var (catalogs, computedCatalog) = GradleScript.ImportedCatalogs(text);
            if (computedCatalog)
            {
                command.Effect.MarkUnverified($"`{settingsName}` imports a version catalog whose path is computed");
            }

            foreach (var catalog in catalogs)
            {
                command.ReadsManifest(directory + "/" + catalog, required: true);
            }

            if (text.Contains("projectDir", StringComparison.Ordinal))
            {
                command.Effect.MarkUnverified($"`{settingsName}` moves a project's folder (`projectDir`)");
            }
        }

        FollowAppliedScripts(command, command.Resolve(directory) ?? directory, scripts);

        // `--write-locks` and `--update-locks` rewrite the lock files, which the broad copy would then put back.
        if (arguments.Has("--write-locks", "--update-locks"))
        {
            foreach (var lockFile in lockFiles)
            {
                command.Effect.MayRewrite(lockFile);
            }
        }

        command.Effect.Write(command.Resolve(directory + "/.gradle") ?? ".gradle");
        // Gradle compiles buildSrc/ before configuring the build, writing its build/ and .gradle/ folders.
        if (command.Resolve(directory + "/buildSrc") is { } buildSrc && command.Classifier.ListDirectory?.Invoke(buildSrc) is not { Count: 0 })
        {
            command.Effect.Write(buildSrc + "/build");
            command.Effect.Write(buildSrc + "/.gradle");
        }
        command.Effect.Write(arguments.Value("-g", "--gradle-user-home")?.Value ?? command.Variable("GRADLE_USER_HOME") ?? command.HomePath(".gradle"));
    }

    // A build or settings script is followed for the scripts it applies; a lock file is one `--write-locks` rewrites.
    private static void Sort(string file, string path, List<string> scripts, List<string> lockFiles)
    {
        if (file.EndsWith(".lockfile", StringComparison.Ordinal))
        {
            lockFiles.Add(path);
        }
        else if (file != "gradle.properties")
        {
            scripts.Add(path);
        }
    }

    /// <summary>
    /// Follows the scripts the build scripts apply (<c>apply from: 'dependencies.gradle'</c>), which Gradle reads when it
    /// configures the build; a script that reads a file's content itself, or applies a computed path, leaves the fix unverified.
    /// </summary>
    private static void FollowAppliedScripts(CommandInvocation command, string rootDirectory, List<string> scripts)
    {
        for (var index = 0; index < scripts.Count && index < 256; index++)
        {
            var script = scripts[index];
            var lookup = command.Lookup(script);
            if (lookup.Content is not { } text)
            {
                continue;
            }

            var name = WorkingPath.FileName(script);
            var (applied, computed) = GradleScript.AppliedScripts(text);
            if (computed)
            {
                command.Effect.MarkUnverified($"`{name}` applies a script whose path is computed");
            }

            foreach (var path in applied)
            {
                // `$rootDir/x.gradle` is relative to the root project; a plain path to the applying script's folder.
                var resolved = path.StartsWith('/') ? WorkingPath.Combine(rootDirectory, path[1..]) : WorkingPath.Combine(WorkingPath.DirectoryOf(script), path);
                command.Effect.Read(resolved, required: true);
                if (!scripts.Contains(resolved))
                {
                    scripts.Add(resolved);
                }
            }

            if (GradleScript.FileReadingIdiom(text) is { } idiom)
            {
                command.Effect.MarkUnverified($"`{name}` reads a file's content when it runs (`{idiom}`), which the manifest copy may not bring");
            }
        }
    }
}
