using System.Collections.Frozen;
namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// R: <c>Rscript -e</c>/<c>R -e</c> expressions that only install named packages (<c>install.packages</c>, remotes,
/// BiocManager, pak) read nothing from the context; <c>renv::restore()</c> installs from <c>renv.lock</c> (with the
/// project's <c>.Rprofile</c> and <c>renv/activate.R</c>, which bootstrap renv), <c>remotes::install_deps()</c> from
/// <c>DESCRIPTION</c>; littler's <c>install2.r</c> installs named packages. R loads the working directory's
/// <c>.Rprofile</c> and <c>.Renviron</c> at start-up, so a project that has them needs the source for any other call.
/// </summary>
internal static class RCommands
{
    private static readonly FrozenSet<string> ROptions = FrozenSet.ToFrozenSet(["-e", "--encoding", "-f", "--file", "--default-packages"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> LittlerOptions = FrozenSet.ToFrozenSet(
        ["-r", "--repos", "-l", "--libloc", "-n", "--ncpus", "-d", "--deps", "-t", "--type", "-m", "--method"], StringComparer.Ordinal);

    // Calls that install packages named by their arguments from a repository, or only set options.
    private static readonly FrozenSet<string> NamedInstalls = FrozenSet.ToFrozenSet(
    [
        "install.packages", "remotes::install_github", "remotes::install_cran", "remotes::install_version", "remotes::install_bioc",
        "remotes::install_gitlab", "remotes::install_url", "devtools::install_github", "devtools::install_cran", "devtools::install_version",
        "BiocManager::install", "pak::pkg_install", "pak::pak", "renv::install",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Harmless = FrozenSet.ToFrozenSet(
        ["options", "library", "require", "requireNamespace", "suppressPackageStartupMessages", "Sys.setenv", "print", "message", "cat",
         "sessionInfo", "capabilities", "packageVersion", "stopifnot", "invisible"], StringComparer.Ordinal);

    // Where R installs packages in the rocker and r-base images (and R_LIBS_SITE's usual values).
    private static readonly string[] SiteLibraries = ["/usr/local/lib/R/site-library", "/usr/lib/R/site-library", "/usr/local/lib/R/library"];

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["Rscript"] = Rscript;
        table["R"] = Rscript;
        table["install2.r"] = Littler;
        table["installGithub.r"] = Littler;
        table["installBioc.r"] = Littler;
        table["installCRAN.r"] = Littler;
    }

    private static void Rscript(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ROptions);
        if (command.Name == "R" && arguments.Positionals.Count > 0 && arguments.Positionals[0].Value == "CMD")
        {
            if (arguments.Positionals.Count > 1 && arguments.Positionals[1].Value == "javareconf")
            {
                command.ReadsNothing("R", "/usr/lib/R/etc", "/usr/local/lib/R/etc");
                return;
            }

            command.NeedsSourceIn("R", "builds or installs a package from the source");
            return;
        }

        var expressions = arguments.Values("-e").ToList();
        if (expressions.Count == 0)
        {
            if (arguments.Positionals.Count > 0 || arguments.Has("-f", "--file"))
            {
                // `Rscript install.R`: the script is a file of the project.
                var script = arguments.Value("-f", "--file") ?? arguments.Positionals[0];
                if (!command.TryResolve(script, out var path)) return;
                if (command.TouchesWorkingDirectory(path)) command.NeedsSourceIn("R", $"runs the project's R script `{script.Value}`");
                else command.NotKnown();
                return;
            }

            command.VersionOrNotKnown(arguments, "--version");
            return;
        }

        if (expressions.Any(e => !e.IsResolved))
        {
            command.Effect.Unknown($"{command.Display} runs an expression the catalogue cannot resolve");
            return;
        }

        var calls = new List<RCall>();
        foreach (var expression in expressions)
        {
            if (RExpression.Calls(expression.Value) is not { } parsed)
            {
                command.Effect.Unknown($"{command.Display} runs R code the catalogue does not know");
                return;
            }

            calls.AddRange(parsed);
        }

        command.Effect.Ecosystem("R");
        bool vanilla = arguments.Has("--vanilla", "--no-init-file");
        bool noEnviron = arguments.Has("--vanilla", "--no-environ");
        var restore = calls.FirstOrDefault(c => c.Name == "renv::restore");
        if (restore is not null)
        {
            Restore(command, restore, vanilla);
        }
        else if (!vanilla && StartupFile(command, ".Rprofile") is { } profile)
        {
            command.NeedsSource($"loads the project's `{profile}` at start-up");
            return;
        }

        if (!noEnviron && StartupFile(command, ".Renviron") is { } environ)
        {
            command.NeedsSource($"loads the project's `{environ}` at start-up");
            return;
        }

        foreach (var call in calls)
        {
            if (call.Name is "renv::restore" || Harmless.Contains(call.Name))
            {
                continue;
            }

            if (call.Name is "remotes::install_deps" or "devtools::install_deps")
            {
                InstallDeps(command, call);
                continue;
            }

            if (!NamedInstalls.Contains(call.Name))
            {
                command.Effect.Unknown($"{command.Display} calls `{call.Name}`, which the catalogue does not know");
                return;
            }

            if (call.Name is "renv::install" or "pak::pak" && call.Positionals.Count == 0)
            {
                // With no packages they install the project in the working directory.
                command.NeedsSource($"installs the project in the working directory (`{call.Name}()`)");
                return;
            }

            if (call.Name == "renv::install" && restore is null)
            {
                // Outside a restore renv::install writes the project's library (renv/library) in the working directory.
                command.Effect.Unknown($"{command.Display} calls `renv::install`, whose project library the catalogue does not follow");
                return;
            }

            if (call.Positionals.FirstOrDefault(RExpression.IsLocalPath) is { } path)
            {
                command.NeedsSource($"installs the local package `{path}`");
                return;
            }
        }

        foreach (var library in SiteLibraries)
        {
            command.Effect.Write(library);
        }
    }

    // The project's start-up file in the working directory, when the context has one there.
    private static string? StartupFile(CommandInvocation command, string name)
    {
        if (command.Resolve(name) is not { } resolved)
        {
            return null;
        }

        return command.Lookup(resolved).State == ManifestState.Present ? name : null;
    }

    private static void Restore(CommandInvocation command, RCall call, bool vanilla)
    {
        command.Effect.Install(command.Display);
        var lockfile = call.Named.TryGetValue("lockfile", out var named) ? named : call.Positionals.Count > 1 ? call.Positionals[1] : "renv.lock";
        var project = call.Named.TryGetValue("project", out var given) ? given : call.Positionals.Count > 0 ? call.Positionals[0] : ".";
        if (project != "." || lockfile is null)
        {
            command.Effect.Unknown($"{command.Display} restores a project the catalogue does not follow");
            return;
        }

        command.ReadsAndLooksUp(lockfile, required: true);
        if (!vanilla)
        {
            // renv's own .Rprofile is `source("renv/activate.R")`, which bootstraps renv and reads renv/settings.json.
            var profile = command.ReadsAndLooksUp(".Rprofile", required: false);
            if (profile.Content is { } text)
            {
                foreach (var sourced in RExpression.SourcedFiles(text))
                {
                    if (sourced != "renv/activate.R")
                    {
                        command.NeedsSource($"loads the project's `.Rprofile`, which sources `{sourced}`");
                        return;
                    }
                }

                if (RExpression.SourcedFiles(text).Count == 0 && text.Contains("source(", StringComparison.Ordinal))
                {
                    command.NeedsSource("loads the project's `.Rprofile`, which sources a file the catalogue cannot name");
                    return;
                }
            }

            command.ReadsManifest("renv/activate.R", required: profile.State == ManifestState.Present && profile.Content?.Contains("renv/activate.R", StringComparison.Ordinal) == true);
            command.ReadsManifest("renv/settings.json", required: false);
            command.ReadsManifest("renv/settings.dcf", required: false);
        }

        var library = command.Variable("RENV_PATHS_LIBRARY") ?? "renv/library";
        command.Effect.Write(command.Resolve(library) ?? library);
        command.Effect.Write(command.Variable("RENV_PATHS_CACHE") ?? command.HomePath(".cache/R/renv"));
    }

    private static void InstallDeps(CommandInvocation command, RCall call)
    {
        var folder = call.Named.TryGetValue("pkgdir", out var named) ? named : call.Positionals.Count > 0 ? call.Positionals[0] : ".";
        if (folder is null)
        {
            command.Effect.Unknown($"{command.Display} installs the dependencies of a folder the catalogue cannot name");
            return;
        }

        command.Effect.Install(command.Display);
        var description = command.ReadsAndLooksUp(folder + "/DESCRIPTION", required: true);
        if (description.Content is { } text && text.Contains("local::", StringComparison.Ordinal))
        {
            command.NeedsSource("depends on a local package (`local::` in `DESCRIPTION`'s Remotes)");
        }
    }

    private static void Littler(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, LittlerOptions);
        command.Effect.Ecosystem("R");
        if (arguments.Positionals.Count == 0)
        {
            command.VersionOrNotKnown(arguments, "-h", "--help", "--usage");
            return;
        }

        foreach (var word in arguments.Positionals)
        {
            if (!word.IsResolved)
            {
                command.Effect.Unknown($"{command.Display} installs `{word.Value}`, a value the catalogue cannot resolve");
                return;
            }

            if (RExpression.IsLocalPath(word.Value))
            {
                command.NeedsSource($"installs the local package `{word.Value}`");
                return;
            }
        }

        // littler runs R's start-up like Rscript does, .Rprofile in the working directory included.
        if (StartupFile(command, ".Rprofile") is { } profile)
        {
            command.NeedsSource($"loads the project's `{profile}` at start-up");
            return;
        }

        foreach (var library in SiteLibraries)
        {
            command.Effect.Write(library);
        }
    }
}
