using System.Collections.Frozen;
using DockerReorder.Analysis.Catalogue.Manifests;
using DockerReorder.Analysis.Shell;

namespace DockerReorder.Analysis.Catalogue.Ecosystems;

/// <summary>
/// Node: npm, yarn (classic and berry), pnpm, bun and corepack. An install reads <c>package.json</c> and its
/// lock and config files; it needs the source when <c>package.json</c> has local (<c>file:</c>, <c>link:</c>) dependencies,
/// workspaces it cannot expand (or whose members need their source), or install-time scripts that run unless <c>--ignore-scripts</c>.
/// </summary>
internal static class NodeCommands
{
    private static readonly FrozenSet<string> NpmOptions = FrozenSet.ToFrozenSet(
    [
        "--prefix", "--loglevel", "--registry", "--cache", "--omit", "--include", "-w", "--workspace", "--userconfig", "--only",
        "--install-strategy", "--tag", "--location", "--fetch-retries", "--fetch-timeout", "--fetch-retry-mintimeout",
        "--fetch-retry-maxtimeout", "--maxsockets", "--network-timeout",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> YarnOptions = FrozenSet.ToFrozenSet(
        ["--network-timeout", "--cache-folder", "--modules-folder", "--mode", "--registry", "--mutex", "--network-concurrency", "--cwd"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PnpmOptions = FrozenSet.ToFrozenSet(
        ["--filter", "-F", "-C", "--dir", "--store-dir", "--reporter", "--registry", "--config.node-linker", "--network-concurrency", "--child-concurrency", "--loglevel"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> BunOptions = FrozenSet.ToFrozenSet(["--cwd", "--registry", "--cache-dir", "--backend", "-c", "--config"], StringComparer.Ordinal);

    private static readonly string[] GlobalWrites = ["/usr/local/lib/node_modules", "/usr/local/bin"];

    /// <summary>Adds the commands to <paramref name="table"/>.</summary>
    internal static void Register(IDictionary<string, CommandHandler> table)
    {
        table["npm"] = Npm;
        table["yarn"] = Yarn;
        table["yarnpkg"] = Yarn;
        table["pnpm"] = Pnpm;
        table["bun"] = Bun;
        table["corepack"] = Corepack;
        table["npx"] = command => command.NeedsSource("runs a package in the working directory");
        table["node"] = command =>
        {
            if (command.Arguments.Count > 0 && command.Arguments[0].Value is "--version" or "-v")
            {
                return;
            }

            command.NeedsSource("runs project code");
        };
    }

    private static void Npm(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, NpmOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("--prefix")?.Value ?? ".";
        var global = arguments.Has("-g", "--global") || arguments.Value("--location")?.Value == "global";
        var packages = arguments.Positionals.Skip(1).ToList();
        switch (subcommand)
        {
            case "ci" or "clean-install" or "ic" or "install-clean" or "isntall-clean":
                Install(command, arguments, directory, "npm", Lockfiles.Npm, rewritesLock: false);
                return;
            case "install" or "i" or "in" or "ins" or "inst" or "insta" or "instal" or "isnt" or "isnta" or "isntal" or "isntall" or "add":
                if (global)
                {
                    if (NpmGlobalWrites(command, arguments) is { } writes)
                    {
                        GlobalInstall(command, packages, "npm", writes);
                    }

                    return;
                }

                if (packages.Count > 0)
                {
                    command.Effect.Ecosystem("npm");
                    command.NeedsSource("adds packages to `package.json`");
                    return;
                }

                Install(command, arguments, directory, "npm", Lockfiles.Npm, rewritesLock: true);
                return;
            case "prune":
                Install(command, arguments, directory, "npm", Lockfiles.Npm, rewritesLock: false, runsScripts: false);
                return;
            case "config" or "set":
                NpmConfigSet(command, arguments.Positionals.Skip(subcommand == "config" ? 1 : 0).ToList());
                command.ReadsNothing("npm");
                return;
            case "cache" or "get" or "doctor" or "ping" or "whoami" or "help":
                command.ReadsNothing("npm");
                return;
            case "uninstall" or "update" or "upgrade" or "up" when global:
                if (NpmGlobalWrites(command, arguments) is { } globalWrites)
                {
                    GlobalInstall(command, [], "npm", globalWrites);
                }

                return;
            case null:
                command.VersionOrNotKnown(arguments, "-v", "--version");
                return;
            default:
                command.NeedsSourceIn("npm", "runs project scripts or changes the project");
                return;
        }
    }

    private static void Yarn(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, YarnOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("--cwd")?.Value ?? ".";
        switch (subcommand)
        {
            case null or "install":
                if (subcommand is null && arguments.Has("-v", "--version"))
                {
                    return;
                }

                YarnInstall(command, arguments, directory);
                return;
            case "global" when arguments.Positionals.Count > 2 && arguments.Positionals[1].Value == "add":
                GlobalInstall(command, arguments.Positionals.Skip(2).ToList(), "yarn");
                command.Effect.Write("/usr/local/share/.config/yarn/global");
                return;
            case "workspaces" when arguments.Positionals.Count > 1 && arguments.Positionals[1].Value == "focus":
                // Yarn 2+ (plugin-workspace-tools, built into Yarn 4): installs the focused workspaces' dependencies (only
                // the production ones with --production) and never writes the lockfile (`persistProject: false` in focus.ts).
                // It reads every workspace's package.json like an install at the root (the members' reads copy them).
                YarnInstall(command, arguments, directory, focus: true);
                return;
            case "cache":
                command.ReadsNothing("yarn");
                return;
            case "add" or "remove" or "upgrade" or "up":
                command.NeedsSourceIn("yarn", "changes `package.json`");
                return;
            case "config" or "set" or "plugin" or "policies":
                command.Effect.Ecosystem("yarn");
                command.NotKnown();
                return;
            default:
                command.NeedsSourceIn("yarn", "runs project scripts or changes the project");
                return;
        }
    }

    private static void YarnInstall(CommandInvocation command, ParsedArguments arguments, string directory, bool focus = false)
    {
        var berryConfig = command.Resolve(directory + "/.yarnrc.yml");
        var packagePath = command.Resolve(directory + "/package.json");
        var packageManager = packagePath is null ? null : command.Lookup(packagePath).Content is { } text ? PackageJson.Read(text)?.PackageManager : null;
        var berry = focus || arguments.Has("--immutable", "--immutable-cache", "--check-cache", "--inline-builds", "--mode")
            || berryConfig is not null && command.Lookup(berryConfig).State == ManifestState.Present
            || packageManager is not null && packageManager.StartsWith("yarn@", StringComparison.Ordinal) && !packageManager.StartsWith("yarn@1.", StringComparison.Ordinal);
        if (berry)
        {
            var skipsBuilds = arguments.Value("--mode")?.Value == "skip-build";
            Install(command, arguments, directory, "yarn", Lockfiles.YarnBerry, rewritesLock: !focus && !arguments.Has("--immutable"), runsScripts: !skipsBuilds);
            foreach (var folder in (string[])[".yarn/releases", ".yarn/plugins", ".yarn/patches", ".yarn/cache"])
            {
                command.ReadsManifest(directory + "/" + folder, required: false, isDirectory: true);
            }

            foreach (var output in (string[])[".pnp.cjs", ".pnp.loader.mjs", ".yarn/cache", ".yarn/install-state.gz", ".yarn/unplugged"])
            {
                command.Effect.Write(command.Resolve(directory + "/" + output) ?? output);
            }

            BerryEnvironmentFiles(command, berryConfig, directory);
            BerryLoadedFiles(command, berryConfig, directory);
            BerryCacheFolder(command, berryConfig, directory);
            return;
        }

        var frozen = arguments.Has("--frozen-lockfile", "--pure-lockfile");
        Install(command, arguments, directory, "yarn", Lockfiles.YarnClassic, rewritesLock: !frozen, modulesFolder: arguments.Value("--modules-folder")?.Value);
        ClassicYarnrc(command, directory);
    }

    // A CA, client certificate or key file the configuration names is read when the package manager loads it: missing, the install fails.
    private static void CertificateFiles(CommandInvocation command, string directory, string settings)
    {
        foreach (var file in RegistryCertificateFiles.In(settings))
        {
            if (file.Contains('$', StringComparison.Ordinal) || file.StartsWith('~'))
            {
                command.Effect.MarkUnverified($"{command.Display} reads the certificate file `{file}`, a path the analysis cannot resolve");
            }
            else if (file.StartsWith('/'))
            {
                command.ReadsPath(new ShellWord(file));
            }
            else
            {
                command.ReadsManifest(directory + "/" + file, required: true);
            }
        }
    }

    // The release and plugins .yarnrc.yml names outside the folders read whole above (`yarnPath: tools/yarn.cjs`) are read too.
    private static void BerryLoadedFiles(CommandInvocation command, string? berryConfig, string directory)
    {
        if (berryConfig is null || command.Lookup(berryConfig) is not { State: ManifestState.Present, Content: { } content })
        {
            return;
        }

        foreach (var file in YarnrcYml.LoadedFiles(content))
        {
            var normalized = WorkingPath.Normalize(file);
            if (normalized.StartsWith(".yarn/releases/", StringComparison.Ordinal) || normalized.StartsWith(".yarn/plugins/", StringComparison.Ordinal))
            {
                continue;
            }

            if (file.Contains('$', StringComparison.Ordinal) || file.StartsWith('~'))
            {
                command.Effect.MarkUnverified($"{command.Display} loads `{file}`, a path the analysis cannot resolve");
            }
            else if (file.StartsWith('/'))
            {
                command.ReadsPath(new ShellWord(file));
            }
            else
            {
                command.ReadsManifest(directory + "/" + file, required: true);
            }
        }
    }

    // `cacheFolder` moves the project cache (zero-installs) from .yarn/cache (https://yarnpkg.com/configuration/yarnrc#cacheFolder):
    // the install reads the packages there and writes the ones it fetches, like .yarn/cache above.
    private static void BerryCacheFolder(CommandInvocation command, string? berryConfig, string directory)
    {
        if (berryConfig is null || command.Lookup(berryConfig) is not { State: ManifestState.Present, Content: { } content }
            || YarnrcYml.TopLevelValue(content, "cacheFolder") is not { Length: > 0 } folder
            || WorkingPath.Normalize(folder) == ".yarn/cache" || folder.StartsWith('/'))
        {
            return;
        }

        if (folder.Contains('$', StringComparison.Ordinal) || folder.StartsWith('~'))
        {
            command.Effect.MarkUnverified($"{command.Display} uses the cache folder `{folder}`, a path the analysis cannot resolve");
            return;
        }

        command.ReadsManifest(directory + "/" + folder, required: false, isDirectory: true);
        command.Effect.Write(command.Resolve(directory + "/" + folder) ?? folder);
    }

    // Yarn 4 loads `.env.yarn` (or the files `injectEnvironmentFiles` lists) before it reads `.yarnrc.yml`, whose `${VAR}` values
    // and the install's scripts see those variables: the install reads them like configuration.
    private static void BerryEnvironmentFiles(CommandInvocation command, string? berryConfig, string directory)
    {
        if (command.Variable("YARN_INJECT_ENVIRONMENT_FILES") is { } setting)
        {
            if (setting.Length > 0)
            {
                command.Effect.MarkUnverified($"{command.Display} reads the environment files `YARN_INJECT_ENVIRONMENT_FILES` names, which the analysis does not follow");
            }

            return;
        }

        var files = berryConfig is not null && command.Lookup(berryConfig) is { State: ManifestState.Present, Content: { } content }
            ? YarnrcYml.EnvironmentFiles(content)
            : YarnrcYml.DefaultEnvironmentFiles;
        foreach (var file in files)
        {
            if (file.Path.StartsWith('/') || file.Path.Contains('$', StringComparison.Ordinal))
            {
                command.Effect.MarkUnverified($"{command.Display} reads the environment file `{file.Path}`, which the analysis does not follow");
                continue;
            }

            command.ReadsManifest(directory + "/" + file.Path, file.Required);
        }
    }

    // Yarn 1 runs the release `yarn-path` names in .yarnrc instead of itself, and installs from a `yarn-offline-mirror` folder:
    // without them the install fails (https://classic.yarnpkg.com/en/docs/yarnrc).
    private static void ClassicYarnrc(CommandInvocation command, string directory)
    {
        if (command.Resolve(directory + "/.yarnrc") is not { } path || command.Lookup(path).Content is not { } content)
        {
            return;
        }

        foreach (var raw in content.Split('\n'))
        {
            var line = raw.Trim();
            var space = line.IndexOfAny([' ', '\t']);
            if (line.StartsWith('#') || space < 0)
            {
                continue;
            }

            var key = line[..space].Trim('"');
            var value = line[(space + 1)..].Trim().Trim('"', '\'');
            if (value.Length == 0 || value.Contains("://", StringComparison.Ordinal))
            {
                continue;
            }

            if (key == "yarn-path")
            {
                command.ReadsManifest(directory + "/" + value, required: true);
            }
            else if (key == "yarn-offline-mirror")
            {
                command.ReadsManifest(directory + "/" + value, required: false, isDirectory: true);
            }
        }
    }

    private static void Pnpm(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, PnpmOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("-C", "--dir")?.Value ?? ".";
        var global = arguments.Has("-g", "--global");
        var packages = arguments.Positionals.Skip(1).ToList();
        switch (subcommand)
        {
            case "install" or "i" or "add" when global:
                GlobalInstall(command, packages, "pnpm");
                return;
            case "install" or "i":
                if (packages.Count > 0)
                {
                    command.Effect.Ecosystem("pnpm");
                    command.NeedsSource("changes `package.json`");
                    return;
                }

                if (arguments.Has("--filter", "-F", "-r", "--recursive"))
                {
                    command.Effect.Ecosystem("pnpm");
                    command.NeedsSource("installs workspace packages");
                    return;
                }

                Install(command, arguments, directory, "pnpm", Lockfiles.Pnpm, rewritesLock: !arguments.Has("--frozen-lockfile"));
                Pnpmfile(command, directory);
                WorkspaceFile(command, directory);
                return;
            case "fetch":
                command.Effect.Ecosystem("pnpm");
                command.Effect.Install(command.Display);
                command.ReadsManifest(directory + "/pnpm-lock.yaml", required: true);
                command.ReadsManifest(directory + "/pnpm-workspace.yaml", required: false);
                command.ReadsManifest(directory + "/.npmrc", required: false);
                PackageManagerPin(command, directory);
                Pnpmfile(command, directory);
                command.Effect.Write(command.Variable("PNPM_HOME") is { } home ? home + "/store" : command.HomePath(".local/share/pnpm/store"));
                return;
            case "config" or "store" or "setup" or "env":
                command.ReadsNothing("pnpm");
                return;
            case null:
                command.VersionOrNotKnown(arguments, "-v", "--version");
                return;
            default:
                command.NeedsSourceIn("pnpm", "runs project scripts or changes the project");
                return;
        }
    }

    // `pnpm fetch` needs no package.json, but a `"packageManager": "pnpm@9.1.0"` pin there picks the pnpm that runs (corepack's
    // shim, and pnpm 9.7+'s `manage-package-manager-versions`, read it; another manager's pin makes pnpm refuse to run): with a
    // pin the fetch reads package.json too. Without the file, or without the field, it reads nothing more.
    private static void PackageManagerPin(CommandInvocation command, string directory)
    {
        if (command.Resolve(directory + "/package.json") is not { } path)
        {
            return;
        }

        var lookup = command.Lookup(path);
        if (lookup.State == ManifestState.Present && lookup.Content is { } content)
        {
            if (PackageJson.Read(content) is not { } facts)
            {
                command.Effect.Read(path, required: false);
                command.Effect.MarkUnverified($"{command.Display} reads the `packageManager` field of `package.json`, which the analysis cannot read");
            }
            else if (facts.PackageManager is { Length: > 0 })
            {
                command.Effect.Read(path, required: true);
            }
        }
        else if (lookup.State == ManifestState.Unknown || lookup.State == ManifestState.Present)
        {
            // Whether package.json pins pnpm is not known: copying it early is harmless when it does not.
            command.Effect.Read(path, required: false);
        }
    }

    // pnpm runs `.pnpmfile.cjs` (its readPackage/afterAllResolved hooks) in every install: a hook file that loads other
    // project files (`require('./scripts/hooks')`) needs them too (https://pnpm.io/pnpmfile).
    private static void Pnpmfile(CommandInvocation command, string directory)
    {
        // `pnpmfile=config/hooks.cjs` in .npmrc names another file, which pnpm then requires (ERR_PNPM_PNPMFILE_NOT_FOUND);
        // pnpm 10 reads the setting from pnpm-workspace.yaml too (`pnpmfile: config/hooks.cjs`, https://pnpm.io/settings), first.
        var named = command.Resolve(directory + "/pnpm-workspace.yaml") is { } workspace
            && command.Lookup(workspace) is { State: ManifestState.Present, Content: { } workspaceSettings }
            && PnpmWorkspaceYaml.TopLevelValue(workspaceSettings, "pnpmfile") is { } fromWorkspace
                ? fromWorkspace
                : null;
        if (named is { Length: 0 } || named is not null && named.StartsWith('['))
        {
            command.Effect.MarkUnverified($"{command.Display} loads the pnpmfiles `pnpm-workspace.yaml` lists, which the analysis does not follow");
            return;
        }

        named ??= command.Resolve(directory + "/.npmrc") is { } npmrc && command.Lookup(npmrc) is { State: ManifestState.Present, Content: { } settings }
            ? settings.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("pnpmfile", StringComparison.Ordinal) && line.Contains('=', StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Trim('"', '\'')).FirstOrDefault(value => value.Length > 0)
            : null;
        if (named is not null && (named.StartsWith('/') || named.Contains('$', StringComparison.Ordinal)))
        {
            command.Effect.MarkUnverified($"{command.Display} loads the pnpmfile `{named}`, a path the analysis does not follow");
            return;
        }

        if (command.ReadsManifest(directory + "/" + (named ?? ".pnpmfile.cjs"), required: named is not null) is { } path
            && command.Lookup(path) is { State: ManifestState.Present, Content: { } content }
            && PnpmfileRequires.FirstLocal(content) is { } local)
        {
            command.NeedsSource($"runs `{named ?? ".pnpmfile.cjs"}`, which loads `{local}` from the project");
        }
    }

    private static void WorkspaceFile(CommandInvocation command, string directory)
    {
        if (command.Resolve(directory + "/pnpm-workspace.yaml") is { } path)
        {
            var lookup = command.Lookup(path);
            if (lookup.State == ManifestState.Present && lookup.Content is { } content && PnpmWorkspaceYaml.Packages(content).Count == 0
                && content.Split('\n').Any(line => line.StartsWith("packages", StringComparison.Ordinal)))
            {
                // A `packages` setting the light reading finds no items in: the members are not known.
                command.NeedsSource("installs the workspaces declared in `pnpm-workspace.yaml`");
            }
            else if (lookup.State == ManifestState.Present && lookup.Content is { } settings)
            {
                foreach (var patch in PnpmWorkspaceYaml.PatchFiles(settings))
                {
                    command.ReadsManifest(directory + "/" + patch, required: true);
                }

                if (PnpmWorkspaceYaml.LocalOverride(settings) is { } local)
                {
                    command.NeedsSource($"installs `{local}`, an override in `pnpm-workspace.yaml`, from the working directory");
                }
            }
            else if (lookup.State == ManifestState.Unknown)
            {
                command.Effect.MarkUnverified();
            }
        }
    }

    private static void Bun(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, BunOptions);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        var directory = arguments.Value("--cwd")?.Value ?? ".";
        var packages = arguments.Positionals.Skip(1).ToList();
        switch (subcommand)
        {
            case "install" or "i" or "add" when arguments.Has("-g", "--global"):
                GlobalInstall(command, packages, "bun");
                return;
            case "install" or "i" when packages.Count == 0:
                Install(command, arguments, directory, "bun", Lockfiles.Bun, rewritesLock: !arguments.Has("--frozen-lockfile"));
                if (command.ReadsManifest(directory + "/bunfig.toml", required: false) is { } bunfig
                    && command.Lookup(bunfig) is { State: ManifestState.Present, Content: { } bunSettings })
                {
                    CertificateFiles(command, directory, bunSettings);
                }

                BunEnvironmentFiles(command, directory);
                return;
            case null:
                command.VersionOrNotKnown(arguments, "-v", "--version");
                return;
            default:
                command.NeedsSourceIn("bun", "runs project scripts or changes the project");
                return;
        }
    }

    // Bun loads `.env`, `.env.[NODE_ENV]` and `.env.local` before every command, `bun install` too: bunfig.toml's `$npm_token` and
    // the BUN_CONFIG_* settings come from them (https://bun.sh/guides/install/custom-registry). With NODE_ENV not known, every
    // variant is read: a file copied early that the install does not read leaves the image the same.
    private static void BunEnvironmentFiles(CommandInvocation command, string directory)
    {
        string[] modes = command.Variable("NODE_ENV") is { Length: > 0 } mode ? [mode] : ["development", "production", "test"];
        command.ReadsManifest(directory + "/.env", required: false);
        foreach (var name in modes)
        {
            command.ReadsManifest(directory + "/.env." + name, required: false);
        }

        // `.env.local` is not loaded when NODE_ENV=test; the `.env.[NODE_ENV].local` files are.
        if (modes is not ["test"])
        {
            command.ReadsManifest(directory + "/.env.local", required: false);
        }

        foreach (var name in modes)
        {
            command.ReadsManifest(directory + "/.env." + name + ".local", required: false);
        }
    }

    private static void Corepack(CommandInvocation command)
    {
        var arguments = ParsedArguments.Parse(command.Arguments, ScriptClassifier.NoValues);
        var subcommand = arguments.Positionals.Count > 0 ? arguments.Positionals[0].Value : null;
        switch (subcommand)
        {
            case "enable" or "disable":
                command.ReadsNothing("corepack", "/usr/local/bin");
                return;
            case "prepare" or "install" when arguments.Positionals.Count > 1:
                command.ReadsNothing("corepack", command.Variable("COREPACK_HOME") ?? command.HomePath(".cache/node/corepack"));
                return;
            case "prepare" or "install":
                command.Effect.Ecosystem("corepack");
                command.Effect.Install(command.Display);
                command.ReadsManifest("package.json", required: true);
                return;
            case "use" or "up":
                command.NeedsSource("changes `package.json`");
                return;
            default:
                command.NotKnown();
                return;
        }
    }

    // npm's global prefix: `--prefix`, else npm_config_prefix from the environment (an ENV, or `npm config set prefix` earlier in
    // this RUN); packages go to <prefix>/lib/node_modules and their commands to <prefix>/bin. Null when the step needs the source
    // (a prefix whose value is not known).
    private static string[]? NpmGlobalWrites(CommandInvocation command, ParsedArguments arguments)
    {
        string? prefix;
        if (arguments.Value("--prefix") is { } word)
        {
            prefix = word.IsResolved ? command.Resolve(word.Value) : null;
        }
        else if (command.State.Variables.TryGet("NPM_CONFIG_PREFIX", out var upper) || command.State.Variables.TryGet("npm_config_prefix", out upper))
        {
            prefix = command.Resolve(upper);
        }
        else
        {
            return GlobalWrites;
        }

        if (prefix is null)
        {
            command.Effect.Ecosystem("npm");
            command.NeedsSource("installs globally under an npm prefix whose value is not known");
            return null;
        }

        return [WorkingPath.Combine(prefix, "lib/node_modules"), WorkingPath.Combine(prefix, "bin")];
    }

    // `npm config set prefix DIR` (or `prefix=DIR`): later global installs write under DIR. In this RUN the setting is known;
    // a later RUN does not see it, so the step itself counts as writing there.
    private static void NpmConfigSet(CommandInvocation command, IReadOnlyList<ShellWord> words)
    {
        if (words.Count < 2 || words[0].Value != "set")
        {
            return;
        }

        ShellWord? value = words[1].Value == "prefix" && words.Count >= 3 ? words[2]
            : words[1].Value.StartsWith("prefix=", StringComparison.Ordinal) ? new ShellWord(words[1].Value["prefix=".Length..], words[1].IsResolved)
            : null;
        if (value is null)
        {
            return;
        }

        var prefix = value.Value.IsResolved ? command.Resolve(value.Value.Value) : null;
        command.State.Variables.Set("NPM_CONFIG_PREFIX", prefix);
        if (prefix is null)
        {
            command.NeedsSource("sets an npm prefix whose value is not known");
            return;
        }

        command.Effect.Write(WorkingPath.Combine(prefix, "lib/node_modules"));
        command.Effect.Write(WorkingPath.Combine(prefix, "bin"));
    }

    private static void GlobalInstall(CommandInvocation command, IReadOnlyList<ShellWord> packages, string ecosystem, string[]? writes = null)
    {
        if (packages.Count == 0)
        {
            command.Effect.Ecosystem(ecosystem);
            command.NeedsSource("installs the project globally");
            return;
        }

        foreach (var package in packages)
        {
            var text = package.Value;
            if (text.StartsWith("file:", StringComparison.Ordinal) || text.StartsWith('.') || text.StartsWith('/') || text.EndsWith(".tgz", StringComparison.Ordinal))
            {
                command.ReadsPath(new ShellWord(text.StartsWith("file:", StringComparison.Ordinal) ? text[5..] : text, package.IsResolved));
            }
        }

        command.ReadsNothing(ecosystem, writes ?? GlobalWrites);
    }

    /// <summary>A dependency install from <c>package.json</c>: its reads, the checks that make it need the source, its writes.</summary>
    private static void Install(
        CommandInvocation command,
        ParsedArguments arguments,
        string directory,
        string ecosystem,
        Lockfiles lockfiles,
        bool rewritesLock,
        bool runsScripts = true,
        string? modulesFolder = null)
    {
        command.Effect.Ecosystem(ecosystem);
        command.Effect.Install(command.Display);
        var packageJson = command.ReadsAndLooksUp(directory + "/package.json", required: true);
        foreach (var lockFile in lockfiles.Files)
        {
            var path = command.ReadsManifest(directory + "/" + lockFile, required: false);
            if (rewritesLock && path is not null && lockfiles.Rewritten.Contains(lockFile))
            {
                command.Effect.MayRewrite(path);
            }
        }

        foreach (var config in lockfiles.Config)
        {
            if (command.ReadsManifest(directory + "/" + config, required: false) is { } configPath
                && command.Lookup(configPath) is { State: ManifestState.Present, Content: { } settings })
            {
                CertificateFiles(command, directory, settings);
            }
        }

        // npm-style clients also read the user config `--userconfig` or NPM_CONFIG_USERCONFIG names (skipped when missing):
        // a project file there (`.npmrc.ci`) sets the registry and its credentials.
        if (ecosystem is "npm" or "yarn" or "pnpm"
            && (arguments.Value("--userconfig")?.Value ?? command.Variable("NPM_CONFIG_USERCONFIG") ?? command.Variable("npm_config_userconfig")) is { Length: > 0 } userConfig
            && !userConfig.Contains('$', StringComparison.Ordinal) && command.Resolve(userConfig) is { } userPath && command.TouchesWorkingDirectory(userPath)
            && command.ReadsManifest(userConfig, required: false) is { } userConfigPath
            && command.Lookup(userConfigPath) is { State: ManifestState.Present, Content: { } userSettings })
        {
            CertificateFiles(command, directory, userSettings);
        }

        var ignoreScripts = !runsScripts || arguments.Has("--ignore-scripts")
            || command.Variable("npm_config_ignore_scripts") is "true" or "1" || command.Variable("NPM_CONFIG_IGNORE_SCRIPTS") is "true" or "1";
        if (packageJson.State == ManifestState.Present && packageJson.Content is { } content)
        {
            if (PackageJson.Read(content) is not { } facts)
            {
                command.Effect.MarkUnverified();
            }
            else
            {
                // In a workspace a `workspace:` dependency names a member, whose manifest the members' reads below copy.
                var workspace = WorkspacePatterns(command, directory, ecosystem, content);
                if (facts.LocalDependencies.FirstOrDefault(dependency => workspace is null || !IsWorkspaceSpec(dependency)) is { } local)
                {
                    command.NeedsSource($"installs `{local}` from the working directory");
                }

                if (workspace is { } found)
                {
                    WorkspaceMembers(command, directory, found.File, found.Patterns, ignoreScripts);
                }
                else if (facts.HasWorkspaces)
                {
                    command.NeedsSource("installs the workspaces declared in `package.json`");
                }

                if (!ignoreScripts && facts.LifecycleScripts.Count > 0)
                {
                    command.NeedsSource($"runs the `{facts.LifecycleScripts[0]}` script of `package.json`, which runs project code");
                }

                if (!ignoreScripts && PrismaSchemaIn(command, directory, facts) is { } schema)
                {
                    command.NeedsSource($"runs the postinstall of `@prisma/client`, which generates the client from the project's Prisma schema `{schema}`");
                }

                foreach (var patch in facts.PatchFiles)
                {
                    // Yarn berry reads .yarn/patches whole (below): its patches need no copy of their own.
                    if (ecosystem != "yarn" || !WorkingPath.Normalize(patch).StartsWith(".yarn/patches/", StringComparison.Ordinal))
                    {
                        command.ReadsManifest(directory + "/" + patch, required: true);
                    }
                }
            }

            if (!ignoreScripts && command.Resolve(directory + "/binding.gyp") is { } gyp && command.Lookup(gyp).State == ManifestState.Present)
            {
                command.NeedsSource("builds `binding.gyp`, which compiles project code");
            }
        }

        WorkspaceMember(command, directory, ecosystem);

        // A cache or store folder named on the command line, or in the environment, is written too: in the project it may meet
        // the broad copy's files.
        foreach (var cache in arguments.Values("--cache", "--cache-folder", "--store-dir", "--cache-dir"))
        {
            if (command.TryResolve(cache, out var cachePath))
            {
                command.Effect.Write(cachePath);
            }
        }

        switch (ecosystem)
        {
            case "npm":
                command.WritesCacheFromEnvironment("npm_config_cache", "NPM_CONFIG_CACHE");
                break;
            case "yarn":
                command.WritesCacheFromEnvironment("YARN_CACHE_FOLDER");
                break;
            case "pnpm":
                command.WritesCacheFromEnvironment("npm_config_store_dir", "NPM_CONFIG_STORE_DIR");
                break;
            case "bun":
                command.WritesCacheFromEnvironment("BUN_INSTALL_CACHE_DIR");
                break;
        }

        var modules = modulesFolder ?? directory + "/node_modules";
        command.Effect.Write(command.Resolve(modules) ?? modules);
    }

    // The most members a fix copies one by one: beyond that the list of COPY lines outgrows the Dockerfile it fixes.
    private const int MaxWorkspaceMembers = 20;

    // How deep a `**` workspace pattern is followed into the context's folders.
    private const int MaxWorkspaceDepth = 6;

    private static bool IsWorkspaceSpec(string dependency) =>
        dependency.IndexOf('@', 1) is var at && at > 0 && dependency[(at + 1)..].StartsWith("workspace:", StringComparison.Ordinal);

    // The workspace an install at the root reads: npm and Yarn the `workspaces` of package.json, pnpm the `packages` of
    // pnpm-workspace.yaml (it ignores the package.json field). Null when the project declares none, or for Bun.
    private static (string File, IReadOnlyList<string> Patterns)? WorkspacePatterns(CommandInvocation command, string directory, string ecosystem, string packageJson)
    {
        if (ecosystem == "pnpm")
        {
            return command.Resolve(directory + "/pnpm-workspace.yaml") is { } path
                && command.Lookup(path) is { State: ManifestState.Present, Content: { } yaml }
                && PnpmWorkspaceYaml.Packages(yaml) is { Count: > 0 } packages
                    ? ("pnpm-workspace.yaml", packages)
                    : null;
        }

        return ecosystem is "npm" or "yarn" && PackageJson.WorkspacePatterns(packageJson) is { Count: > 0 } patterns ? ("package.json", patterns) : null;
    }

    // An install at a workspace's root installs every member: it reads each member's package.json (npm, Yarn and pnpm fail on a
    // member they cannot read), runs the members' install scripts, links their `bin` files, and may write a node_modules in each.
    // The members are found in the context as the install would find them: the folders the patterns name that hold a package.json.
    private static void WorkspaceMembers(CommandInvocation command, string directory, string file, IReadOnlyList<string> patterns, bool ignoreScripts)
    {
        if (patterns.FirstOrDefault(pattern => pattern.Contains('{', StringComparison.Ordinal) || pattern.Contains("..", StringComparison.Ordinal) || pattern.TrimStart('!').StartsWith('/')) is { } unread)
        {
            command.NeedsSource($"installs the workspaces `{file}` declares with `{unread}`, a pattern the analysis does not expand");
            return;
        }

        if (command.Classifier.ListFolders is not { } listFolders)
        {
            command.NeedsSource($"installs the workspaces declared in `{file}`, whose folders the analysis cannot list");
            return;
        }

        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in patterns.Where(pattern => !pattern.StartsWith('!')))
        {
            var pattern = WorkingPath.Normalize(raw.StartsWith("./", StringComparison.Ordinal) ? raw[2..] : raw).TrimEnd('/');
            var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var literal = segments.TakeWhile(segment => !PackageJson.IsGlob(segment)).ToArray();
            var prefix = string.Join('/', literal);
            if (literal.Length == segments.Length)
            {
                members.Add(prefix);
                continue;
            }

            var depth = segments.Contains("**") ? MaxWorkspaceDepth : segments.Length - literal.Length;
            if (!CandidateFolders(listFolders, command.Resolve(directory + (prefix.Length == 0 ? "" : "/" + prefix)), prefix, depth, members))
            {
                command.NeedsSource($"installs the workspaces `{file}` declares with `{raw}`, whose folders the analysis cannot list");
                return;
            }
        }

        var found = new List<string>();
        foreach (var member in members.Where(member => member.Length > 0 && PackageJson.IsMember(patterns, member)))
        {
            var path = command.Resolve(directory + "/" + member + "/package.json");
            var lookup = path is null ? ManifestLookup.Unknown : command.Lookup(path);
            if (lookup.State == ManifestState.Absent)
            {
                continue; // npm, Yarn and pnpm skip a matched folder without package.json; the broad copy brings none either
            }

            if (lookup is not { State: ManifestState.Present, Content: { } content } || PackageJson.Read(content) is not { } facts)
            {
                command.NeedsSource($"installs the workspace `{member}`, whose `package.json` the analysis cannot read");
                return;
            }

            if (MemberNeedsSource(command, directory, member, facts, ignoreScripts) is { } why)
            {
                command.NeedsSource($"installs the workspace `{member}`, which {why}");
                return;
            }

            found.Add(member);
        }

        if (found.Count > MaxWorkspaceMembers)
        {
            command.NeedsSource($"installs the {found.Count} workspaces `{file}` declares: more than {MaxWorkspaceMembers} member manifests to copy one by one");
            return;
        }

        foreach (var member in found)
        {
            command.ReadsManifest(directory + "/" + member + "/package.json", required: true);

            // A member's own settings files: not read by an install at the root, but copying them early changes nothing.
            command.ReadsManifest(directory + "/" + member + "/.npmrc", required: false);
            var modules = directory + "/" + member + "/node_modules";
            command.Effect.Write(command.Resolve(modules) ?? modules);
        }

        if (patterns.Any(pattern => !pattern.StartsWith('!') && PackageJson.IsGlob(pattern)))
        {
            command.Effect.MarkUnverified("the workspace members are listed as the context has them now; a member added later needs its own COPY");
        }
    }

    // Why a member's install needs its source, or null when its package.json is all it reads.
    private static string? MemberNeedsSource(CommandInvocation command, string directory, string member, PackageJson facts, bool ignoreScripts)
    {
        if (!ignoreScripts && facts.LifecycleScripts.Count > 0)
        {
            return $"runs its `{facts.LifecycleScripts[0]}` script, which runs project code";
        }

        if (!ignoreScripts && command.Resolve(directory + "/" + member + "/binding.gyp") is { } gyp && command.Lookup(gyp).State == ManifestState.Present)
        {
            return "builds its `binding.gyp`, which compiles project code";
        }

        // @prisma/client's postinstall runs `prisma generate` from the install's root (INIT_CWD), reading a schema in the source.
        if (!ignoreScripts && facts.PrismaSchemas.Count > 0)
        {
            return "depends on `@prisma/client`, whose postinstall generates the client from the project's Prisma schema";
        }

        // The install links the member's executables into node_modules/.bin and makes them executable (npm's bin-links, Yarn,
        // pnpm): without the source the files are missing, and copied later they keep the context's mode.
        if (facts.HasBin)
        {
            return "has a `bin` field: the install links and marks executable its files, which are missing without the source";
        }

        if (facts.LocalDependencies.FirstOrDefault(dependency => !IsWorkspaceSpec(dependency)) is { } local)
        {
            return $"depends on `{local}` from the working directory";
        }

        if (facts.PatchFiles.Count > 0)
        {
            return $"applies the patch `{facts.PatchFiles[0]}`";
        }

        return null;
    }

    // Adds the folders under `prefix` (resolved: `folder`) to `depth` levels, skipping node_modules and hidden folders, as the
    // package managers' globs do; false when a listing is not known.
    private static bool CandidateFolders(Func<string, IReadOnlyList<string>?> listFolders, string? folder, string prefix, int depth, SortedSet<string> found)
    {
        if (folder is null || listFolders(folder) is not { } names)
        {
            return false;
        }

        foreach (var name in names.Where(name => name != "node_modules" && !name.StartsWith('.')))
        {
            var child = prefix.Length == 0 ? name : prefix + "/" + name;
            found.Add(child);
            if (depth > 1 && !CandidateFolders(listFolders, WorkingPath.Combine(folder, name), child, depth - 1, found))
            {
                return false;
            }
        }

        return true;
    }

    // An install in a workspace member's folder installs the whole workspace: npm, Yarn and Bun look up the folders above for a
    // package.json whose `workspaces` cover it, pnpm for a pnpm-workspace.yaml whose `packages` do, and resolve from that root's
    // lockfile, reading every member's package.json. The member's own manifest is not enough, so the install needs the source.
    private static void WorkspaceMember(CommandInvocation command, string directory, string ecosystem)
    {
        // Resolved paths in the working directory are relative to it.
        if (command.Resolve(directory) is not { } resolved || resolved.StartsWith("..", StringComparison.Ordinal)
            || WorkingPath.Combine(command.WorkingDirectory, resolved) is not { } folder || folder == "/")
        {
            return;
        }

        foreach (var root in WorkingPath.FoldersAbove(folder))
        {
            var member = folder[(root == "/" ? 1 : root.Length + 1)..];
            var (file, patterns) = ecosystem == "pnpm"
                ? ("pnpm-workspace.yaml", command.Lookup(WorkingPath.Combine(root, "pnpm-workspace.yaml")) is { State: ManifestState.Present, Content: { } yaml }
                    ? PnpmWorkspaceYaml.Packages(yaml) : null)
                : ("package.json", command.Lookup(WorkingPath.Combine(root, "package.json")) is { State: ManifestState.Present, Content: { } json }
                    ? PackageJson.WorkspacePatterns(json) : null);
            if (patterns is not null && PackageJson.CoversFolder(patterns, member))
            {
                command.NeedsSource($"runs in `{member}`, a workspace `{WorkingPath.Combine(root, file)}` declares: it installs the workspace from its root, reading every member's `package.json`");
                return;
            }
        }
    }

    // The first Prisma schema (file or folder) of the context that @prisma/client's postinstall would read, or null.
    private static string? PrismaSchemaIn(CommandInvocation command, string directory, PackageJson facts)
    {
        foreach (var schema in facts.PrismaSchemas)
        {
            if (command.Resolve(directory + "/" + schema) is not { } path)
            {
                continue;
            }

            // Prisma 6 also takes a folder of .prisma files.
            var isFile = schema.EndsWith(".prisma", StringComparison.Ordinal) || schema.EndsWith(".ts", StringComparison.Ordinal);
            if (isFile ? command.Lookup(path).State == ManifestState.Present
                : command.Classifier.ListDirectory?.Invoke(path)?.Any(name => name.EndsWith(".prisma", StringComparison.Ordinal)) == true)
            {
                return WorkingPath.Normalize(schema);
            }
        }

        return null;
    }

    /// <summary>The lock and configuration files one package manager reads, and which of them an install may rewrite.</summary>
    private sealed record Lockfiles(string[] Files, string[] Rewritten, string[] Config)
    {
        internal static Lockfiles Npm { get; } = new(["package-lock.json", "npm-shrinkwrap.json"], ["package-lock.json"], [".npmrc"]);

        // .yarnclean: Yarn 1 deletes the files it lists from node_modules after every install (`yarn autoclean`).
        internal static Lockfiles YarnClassic { get; } = new(["yarn.lock"], ["yarn.lock"], [".yarnrc", ".npmrc", ".yarnclean"]);

        internal static Lockfiles YarnBerry { get; } = new(["yarn.lock"], ["yarn.lock"], [".yarnrc.yml"]);

        internal static Lockfiles Pnpm { get; } = new(["pnpm-lock.yaml"], ["pnpm-lock.yaml"], ["pnpm-workspace.yaml", ".npmrc"]);

        internal static Lockfiles Bun { get; } = new(["bun.lockb", "bun.lock"], ["bun.lockb", "bun.lock"], [".npmrc"]);
    }
}
