using System.Collections.Frozen;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Go: <c>go mod download</c> reads <c>go.mod</c>, <c>go.sum</c>, <c>go.work</c> (and the modules it uses) and the
/// <c>go.mod</c> of local <c>replace</c> targets; builds and tests need the source; <c>go install pkg@version</c> reads nothing;
/// <c>go get pkg@version</c> reads the module like <c>go mod download</c> and edits its <c>go.mod</c> and <c>go.sum</c>.
/// </summary>
internal static class GoCommands
{
    private static readonly FrozenSet<string> GoOptions = FrozenSet.ToFrozenSet(["-modfile", "-o", "-C", "-tags", "-ldflags", "-gcflags", "-mod", "-p"], StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table) => table["go"] = Go;

    private static void Go(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, GoOptions);
        var positionals = arguments.Positionals;
        var subcommand = positionals.Count > 0 ? positionals[0].Value : null;
        switch (subcommand)
        {
            case "mod" when positionals.Count > 1 && positionals[1].Value is "download" or "verify":
                Download(command, arguments.Value("-C")?.Value ?? ".");
                return;
            case "get" when positionals.Count > 1 && positionals.Skip(1).All(word => word.Value.Contains('@', StringComparison.Ordinal) && !word.Value.StartsWith('.')):
                Get(command, arguments.Value("-C")?.Value ?? ".");
                return;
            case "install" when positionals.Count > 1 && positionals.Skip(1).All(word => word.Value.Contains('@', StringComparison.Ordinal) && !word.Value.StartsWith('.')):
                command.ReadsNothing("go", command.Variable("GOBIN") ?? (command.Variable("GOPATH") ?? "/go") + "/bin", ModuleCache(command));
                return;
            case "version" or "env" when !arguments.Has("-w") || subcommand == "version":
                return;
            case "env":
                command.ReadsNothing("go", command.HomePath(".config/go/env"));
                return;
            case "clean" when arguments.Has("-modcache", "-cache"):
                command.ReadsNothing("go", ModuleCache(command));
                return;
            case null:
                command.NotKnown();
                return;
            default:
                command.NeedsSourceIn("go", "builds or changes the module from the source");
                return;
        }
    }

    private static string ModuleCache(CommandInvocation command) =>
        command.Variable("GOMODCACHE") ?? (command.Variable("GOPATH") is { Length: > 0 } gopath ? gopath.Split(':')[0] + "/pkg/mod" : "/go/pkg/mod");

    /// <summary>
    /// <c>go get module@version</c> runs in the main module (without <c>go.mod</c> it fails: it "is no longer supported outside a module") and records the
    /// requirement there: it rewrites <c>go.mod</c> and <c>go.sum</c> (https://go.dev/ref/mod#go-get), which the broad copy
    /// moved below it would put back as the context has them, unlike <c>go install module@version</c>, which ignores the module.
    /// </summary>
    private static void Get(CommandInvocation command, string directory)
    {
        Download(command, directory);
        foreach (var edited in (string[])["go.mod", "go.sum"])
        {
            if (command.Resolve(directory + "/" + edited) is { } path)
            {
                command.Effect.MayRewrite(path);
            }
        }
    }

    private static void Download(CommandInvocation command, string directory)
    {
        command.Effect.Ecosystem("go");
        command.Effect.Install(command.Display);
        // In workspace mode (a go.work here or in a folder above, GOWORK not off) the folder needs no go.mod of its own.
        var workPath = WorkFile(command, directory);
        var inWorkspace = workPath is not null && command.Variable("GOWORK") is not "off" && command.Lookup(workPath).State == ManifestState.Present;
        var goMod = command.ReadsAndLooksUp(directory + "/go.mod", required: !inWorkspace);
        command.ReadsManifest(directory + "/go.sum", required: false);
        command.ReadsManifest(directory + "/go.work", required: false);
        command.ReadsManifest(directory + "/go.work.sum", required: false);
        var workDirectory = workPath is null ? directory : WorkingPath.DirectoryOf(workPath);
        if (inWorkspace && workPath != command.Resolve(directory + "/go.work"))
        {
            command.Effect.Read(workPath!, required: true);
            command.Effect.Read(WorkingPath.Combine(workDirectory, "go.work.sum"), required: false);
        }
        if (goMod.Content is { } text)
        {
            foreach (var local in LocalReplacements(text))
            {
                command.ReadsManifest(directory + "/" + local + "/go.mod", required: true);
            }
        }

        if (workPath is not null && command.Variable("GOWORK") is not "off")
        {
            var work = command.Lookup(workPath);
            if (work.State == ManifestState.Present && work.Content is { } workText)
            {
                // In workspace mode the replace directives of go.work and of every used module's go.mod apply
                // (https://go.dev/ref/mod#workspaces): a local target's go.mod is read like the main module's.
                foreach (var local in LocalReplacements(workText))
                {
                    command.ReadsManifest(workDirectory + "/" + local + "/go.mod", required: true);
                }

                foreach (var used in UsedModules(workText))
                {
                    var usedMod = command.ReadsManifest(workDirectory + "/" + used + "/go.mod", required: true);
                    command.ReadsManifest(workDirectory + "/" + used + "/go.sum", required: false);
                    if (usedMod is not null && command.Lookup(usedMod).Content is { } usedText)
                    {
                        foreach (var local in LocalReplacements(usedText))
                        {
                            command.ReadsManifest(workDirectory + "/" + used + "/" + local + "/go.mod", required: true);
                        }
                    }
                }
            }
            else if (work.State == ManifestState.Unknown)
            {
                command.CannotRead(workPath, workPath);
            }
        }

        command.Effect.Write(ModuleCache(command));
    }

    /// <summary>
    /// The workspace file the go command uses: the one GOWORK names, else the first go.work in the module's folder or a
    /// folder above it (https://go.dev/ref/mod#workspaces); the folder's own path when none is found (or it is not known).
    /// </summary>
    private static string? WorkFile(CommandInvocation command, string directory)
    {
        if (command.Variable("GOWORK") is { Length: > 0 } named && named != "off")
        {
            return command.Resolve(named);
        }

        var here = command.Resolve(directory + "/go.work");
        if (here is null || command.Lookup(here).State != ManifestState.Absent || !command.WorkingDirectory.StartsWith('/'))
        {
            return here;
        }

        var start = WorkingPath.Combine(command.WorkingDirectory, directory);
        foreach (var above in WorkingPath.FoldersAbove(start))
        {
            var candidate = WorkingPath.Combine(above, "go.work");
            if (command.Lookup(candidate).State == ManifestState.Present)
            {
                return candidate;
            }
        }

        return here;
    }

    /// <summary>Local directories named on the right of <c>replace ... =&gt; ./dir</c>.</summary>
    private static IEnumerable<string> LocalReplacements(string goMod)
    {
        foreach (var raw in goMod.Split('\n'))
        {
            var arrow = raw.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
            {
                continue;
            }

            var target = raw[(arrow + 2)..].Split("//")[0].Trim().Split(' ', '\t')[0];
            if (target.StartsWith("./", StringComparison.Ordinal) || target.StartsWith("../", StringComparison.Ordinal) || target is "." or "..")
            {
                yield return target;
            }
        }
    }

    /// <summary>The directories of <c>use</c> directives in <c>go.work</c> (single-line and block forms).</summary>
    private static IEnumerable<string> UsedModules(string goWork)
    {
        var inBlock = false;
        foreach (var raw in goWork.Split('\n'))
        {
            var line = raw.Split("//")[0].Trim();
            if (inBlock)
            {
                if (line == ")")
                {
                    inBlock = false;
                }
                else if (line.Length > 0)
                {
                    yield return line.Trim('"');
                }

                continue;
            }

            if (line.StartsWith("use", StringComparison.Ordinal))
            {
                var rest = line[3..].Trim();
                if (rest == "(")
                {
                    inBlock = true;
                }
                else if (rest.Length > 0)
                {
                    yield return rest.Trim('"');
                }
            }
        }
    }
}
