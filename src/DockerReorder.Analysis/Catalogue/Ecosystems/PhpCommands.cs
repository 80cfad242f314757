using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Manifests;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// PHP: <c>composer install</c> reads <c>composer.json</c>, <c>composer.lock</c> and <c>auth.json</c> and writes <c>vendor</c>.
/// It needs the source when it runs install-time scripts (unless <c>--no-scripts</c>); when it dumps an autoloader
/// (unless <c>--no-autoloader</c>) that scans project files: a <c>classmap</c> always, <c>psr-4</c>/<c>psr-0</c> only when
/// the dump is optimized (<c>-o</c>, <c>-a</c>, or the config says so); and when it has <c>path</c>, <c>artifact</c> or local VCS
/// repositories. It reads the local patch files the composer-patches plugin applies.
/// </summary>
internal static class PhpCommands
{
    private static readonly FrozenSet<string> ComposerOptions = FrozenSet.ToFrozenSet(["-d", "--working-dir", "--prefer-install", "--ignore-platform-req"], StringComparer.Ordinal);

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["composer"] = Composer;
        table["composer.phar"] = Composer;
        table["php"] = Php;
    }

    private static void Php(CommandInvocation command)
    {
        if (command.Arguments.Count > 0 && command.Arguments[0].Value.EndsWith("composer.phar", StringComparison.Ordinal))
        {
            var inner = new CommandInvocation("composer", command.Arguments[0].Value, command.Arguments.Skip(1).ToArray(), command.State, command.Classifier, command.StdinHeredoc, command.StdinFromPipe);
            Composer(inner);
            return;
        }

        if (command.Arguments.Count > 0 && command.Arguments[0].Value is "-v" or "--version" or "-m")
        {
            return;
        }

        var script = command.Arguments.FirstOrDefault(word => !word.Value.StartsWith('-'));
        if (script.Value is null || command.Arguments.Any(word => word.Value is "-r" or "-a"))
        {
            command.Effect.Unknown(command.StdinFromPipe
                ? $"{command.Display} runs a script from a pipe, which the catalogue cannot see"
                : $"{command.Display} is not a command the catalogue knows");
            return;
        }

        if (command.TryResolve(script, out var path))
        {
            if (command.TouchesWorkingDirectory(path))
            {
                command.NeedsSource($"runs `{path}` from the working directory");
            }
            else
            {
                command.Effect.Unknown($"{command.Display} runs `{path}`, a script the catalogue cannot see");
            }
        }
    }

    private static void Composer(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ComposerOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("-d", "--working-dir")?.Value ?? ".";
        switch (subcommand)
        {
            case "install" or "i":
                Install(command, arguments, directory);
                return;
            case "global":
                command.ReadsNothing("composer", command.Variable("COMPOSER_HOME") ?? command.HomePath(".composer"));
                return;
            case "self-update" or "selfupdate" or "clear-cache" or "clearcache" or "cc" or "diagnose" or "--version" or "about":
                command.ReadsNothing("composer");
                return;
            case "config" when arguments.Has("-g", "--global"):
                command.ReadsNothing("composer", command.Variable("COMPOSER_HOME") ?? command.HomePath(".composer"));
                return;
            case null:
                command.VersionOrNotKnown(arguments, "-V", "--version");
                return;
            default:
                command.NeedsSourceIn("composer", "runs or changes the project");
                return;
        }
    }

    // The composer-patches plugin applies its local patch files during the install, --no-scripts or not (plugins are not scripts).
    private static void Patches(CommandInvocation command, string directory, ComposerJson facts)
    {
        foreach (var patch in facts.PatchFiles)
        {
            command.ReadsManifest(directory + "/" + patch, required: true);
        }

        // composer-patches 2 applies what patches.lock.json records (named after COMPOSER, like composer.lock) when it is present.
        if (facts.PatchesLock)
        {
            if (command.Variable("COMPOSER") is not null)
            {
                command.Effect.MarkUnverified($"{command.Display} reads a patches lock named after `COMPOSER`, which the analysis does not follow");
            }
            else
            {
                PatchesListedIn(command, directory, "patches.lock.json", required: false);
            }
        }

        if (facts.PatchesFile is { } file)
        {
            PatchesListedIn(command, directory, file, facts.PatchesFileRequired);
        }
    }

    private static void PatchesListedIn(CommandInvocation command, string directory, string file, bool required)
    {
        if (command.ReadsAndLooksUp(directory + "/" + file, required).Content is not { } content)
        {
            return;
        }

        if (ComposerJson.ReadPatchesFile(content) is not { } listed)
        {
            command.Effect.MarkUnverified();
            return;
        }

        foreach (var patch in listed)
        {
            command.ReadsManifest(directory + "/" + patch, required: true);
        }
    }

    private static void Install(CommandInvocation command, ParsedArguments arguments, string directory)
    {
        command.Effect.Ecosystem("composer");
        command.Effect.Install(command.Display);
        command.WritesCacheFromEnvironment("COMPOSER_CACHE_DIR");
        if (command.Variable("COMPOSER_CACHE_DIR") is null && command.Variable("COMPOSER_HOME") is { Length: > 0 })
        {
            command.WritesCacheFromEnvironment("COMPOSER_HOME");
        }
        var jsonName = command.Variable("COMPOSER") ?? "composer.json";
        var manifest = command.ReadsAndLooksUp(directory + "/" + jsonName, required: true);
        var lockName = jsonName.EndsWith(".json", StringComparison.Ordinal) ? jsonName[..^5] + ".lock" : jsonName + ".lock";
        var lockPath = command.ReadsManifest(directory + "/" + lockName, required: false);
        command.ReadsManifest(directory + "/auth.json", required: false);
        // Symfony Flex (a plugin, so --no-scripts does not stop it) runs the recipes of packages symfony.lock does not list.
        command.ReadsManifest(directory + "/symfony.lock", required: false);
        var vendor = "vendor";
        string? binDirectory = null;
        if (manifest.State == ManifestState.Present && manifest.Content is { } content)
        {
            if (ComposerJson.Read(content, includeDev: !arguments.Has("--no-dev")) is not { } facts)
            {
                command.Effect.MarkUnverified();
            }
            else
            {
                vendor = facts.VendorDirectory;
                binDirectory = facts.BinDirectory;
                // Composer loads config.cafile/capath before any download and fails when it cannot read them.
                foreach (var certificate in facts.CertificateFiles)
                {
                    if (certificate.StartsWith('/') || certificate.EndsWith('/'))
                    {
                        command.ReadsPath(new ShellWord(certificate.StartsWith('/') ? certificate : directory + "/" + certificate));
                    }
                    else
                    {
                        command.ReadsManifest(directory + "/" + certificate, required: true);
                    }
                }
                if (!arguments.Has("--no-scripts") && facts.InstallScripts.Count > 0)
                {
                    command.NeedsSource($"runs the `{facts.InstallScripts[0]}` script of `composer.json`, which runs project code");
                }

                if (!arguments.Has("--no-autoloader"))
                {
                    var optimized = facts.OptimizesAutoloader || arguments.Has("-o", "--optimize-autoloader", "-a", "--classmap-authoritative")
                        || command.Variable("COMPOSER_OPTIMIZE_AUTOLOADER") is "1" or "true";
                    if (facts.ClassmapAutoload)
                    {
                        command.NeedsSource("dumps a `classmap` autoloader, which scans project files (no `--no-autoloader`)");
                    }
                    else if (facts.NamespaceAutoload && optimized)
                    {
                        command.NeedsSource("dumps an optimized autoloader, which scans project files (no `--no-autoloader`)");
                    }
                }

                if (facts.LocalRepository is { } repository)
                {
                    command.NeedsSource($"installs {(repository[0] is 'a' ? "an" : "a")} `{repository}` repository declared in `composer.json`");
                }

                if (!arguments.Has("--no-plugins"))
                {
                    if (facts.MergesManifests)
                    {
                        command.NeedsSource("merges the `composer.json` files `extra.merge-plugin` includes from the project");
                    }

                    Patches(command, directory, facts);

                    // composer/installers and Drupal's scaffold plugin put packages and files in project folders, where the broad copy may write too.
                    foreach (var folder in facts.ProjectWrites)
                    {
                        var path = directory + "/" + folder;
                        command.Effect.Write(command.Resolve(path) ?? path);
                    }
                }
            }
        }

        if (lockPath is not null && command.Lookup(lockPath).State != ManifestState.Present)
        {
            command.Effect.MayRewrite(lockPath);
        }

        // Composer links the packages' binaries into config.bin-dir (COMPOSER_BIN_DIR), a project folder when set outside vendor.
        if ((command.Variable("COMPOSER_BIN_DIR") ?? binDirectory) is { } bin)
        {
            var binPath = directory + "/" + bin;
            command.Effect.Write(command.Resolve(binPath) ?? binPath);
        }

        var vendorPath = command.Variable("COMPOSER_VENDOR_DIR") ?? directory + "/" + vendor;
        command.Effect.Write(command.Resolve(vendorPath) ?? vendorPath);
    }
}
